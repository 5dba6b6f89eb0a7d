import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSink } from '../checks/index.ts';
import { loadPartners } from '../partner/index.ts';
import { openSession } from './open-session.ts';
import type { Session } from './open-session.ts';

const attachments: string[] = [];
const sink: ReportSink = { step: (_name, fn) => fn(), attach: async (_name, content) => void attachments.push(content) };

describe('a session against lionbank (OAuth2 + RFC 9421)', () => {
  let session: Session;
  beforeAll(async () => {
    const [partner] = await loadPartners(process.cwd(), 'lionbank');
    session = await openSession(partner!, { env: 'simulator', seed: 7, defects: [], report: sink });
  });
  afterAll(async () => session.close());

  const tokenFetches = () => session.ctx.ledger.forOperation('createToken').length;

  it('fetches a token once, signs every call, and refreshes the token once after a 401', async () => {
    const read = () => session.ctx.call('getPayout', { params: { payoutId: 'lbp_0000000001' } });
    expect((await read()).response?.status).toBe(404);
    expect((await read()).response?.status).toBe(404);
    expect(tokenFetches()).toBe(1);
    session.simulator!.state.auth!.revokeTokens();
    const after = await read();
    expect(after.response?.status).toBe(404);
    expect(tokenFetches()).toBe(2);
    expect(session.ctx.ledger.forOperation('getPayout').map((e) => e.response?.status)).toEqual([404, 404, 401, 404]);
    expect(after.request.headers['signature-input']).toMatch(/^sig1=\("@method" "@target-uri"\);created=\d+;expires=\d+;nonce="[0-9a-f]{32}";keyid="railgate-test-2026";tag="lionbank-api"$/);
  });

  it('never reports the client secret or a live token', async () => {
    const token = session.ctx.auth.signer.tokens!.current()!;
    const text = attachments.join('\n');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(token);
    expect(text).not.toContain('test-secret-railgate-simulator-only');
    expect(session.ctx.auth.redact(`Bearer ${token}`)).toBe('Bearer [redacted]');
  });
});
