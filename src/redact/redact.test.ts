import { describe, expect, it } from 'vitest';
import type { Exchange } from '../http/index.ts';
import { DEFAULT_RULES, REDACTED, redactBody, redactText, withSecrets } from './redact.ts';
import { formatExchange, redactExchange } from './redact-exchange.ts';

describe('redaction', () => {
  it('removes credentials and keeps only the last four characters of account data', () => {
    const body = { card: { number: '4111111111111111', cvc: '123' }, creditor: { pixKey: 'maria@example.com', taxId: '12345678909' }, access_token: 'tok_abc', amount: 1500 };
    expect(redactBody(body, DEFAULT_RULES)).toEqual({
      card: { number: '************1111', cvc: REDACTED },
      creditor: { pixKey: '************.com', taxId: '*******8909' },
      access_token: REDACTED,
      amount: 1500,
    });
  });

  it('finds card numbers and known secret values in free text', () => {
    const rules = withSecrets(DEFAULT_RULES, { values: ['s3cr3t-value'] });
    expect(redactText('pan 4111111111111111 key s3cr3t-value id 1234567890123', rules)).toBe(`pan ************1111 key ${REDACTED} id 1234567890123`);
  });

  it('makes a whole exchange safe to attach', () => {
    const e: Exchange = {
      seq: 1,
      startedAt: '2026-11-21T10:00:00Z',
      durationMs: 3,
      request: { method: 'POST', url: 'http://x/v2/payouts?token=s3cr3t-value', headers: { authorization: 'Bearer abc', 'x-signature': 'sig', 'content-type': 'application/json' }, body: JSON.stringify({ creditor: { pixKey: 'maria@example.com' } }) },
      response: { status: 201, headers: { 'set-cookie': 'sid=1' }, bodyText: '{"pixKey":"maria@example.com"}', body: { pixKey: 'maria@example.com' } },
    };
    const safe = redactExchange(e, withSecrets(DEFAULT_RULES, { headers: ['X-Signature'], values: ['s3cr3t-value'] }));
    const text = formatExchange(safe);
    for (const leak of ['Bearer abc', 'sig\n', 's3cr3t-value', 'maria@example.com', 'sid=1']) expect(text).not.toContain(leak);
    expect(text).toContain('************.com');
    expect(e.request.headers.authorization).toBe('Bearer abc');
  });
});
