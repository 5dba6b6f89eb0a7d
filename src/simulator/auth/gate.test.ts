import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialsFor } from '../../credentials/index.ts';
import { buildRequest } from '../../http/index.ts';
import type { HttpRequest } from '../../http/index.ts';
import { loadPartners } from '../../partner/index.ts';
import type { Partner } from '../../partner/index.ts';
import { createSigner, parseTokenResponse, tokenRequest } from '../../signer/index.ts';
import type { Forge, RequestSigner } from '../../signer/index.ts';
import { startSimulator } from '../server.ts';
import type { Simulator } from '../server.ts';

// The simulator's verification against the example partners' own profiles, over real loopback HTTP.

const partners = await loadPartners(process.cwd());
const byId = (id: string): Partner => partners.find((p) => p.id === id)!;
const now = () => Math.floor(Date.now() / 1000);

async function send(r: HttpRequest): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function harness(id: string, defects: string[] = []) {
  const partner = byId(id);
  let sim: Simulator;
  let signer: RequestSigner;
  const op = partner.contract.operations.get('createPayout')!;
  const payout = (): HttpRequest => {
    const media = op.requestBody!.content[0]!;
    return buildRequest(sim.baseUrl, op, { headers: { 'idempotency-key': crypto.randomUUID() }, body: Object.values(media.examples)[0] });
  };
  const signed = async (forge?: Forge, at = now(), nonce = crypto.randomUUID()) => (await signer.sign(payout(), op, { at, nonce, ...(forge ? { forge } : {}) })).request;
  beforeAll(async () => {
    sim = await startSimulator({ partner, seed: 1, defects });
    const credentials = credentialsFor(partner.profile, 'simulator', {});
    const oauth2 = partner.profile.auth?.oauth2;
    signer = createSigner(partner.profile, credentials, {
      now: () => Date.now(),
      fetchToken: async () => {
        const req = tokenRequest(oauth2!, partner.contract, sim.baseUrl);
        const res = await fetch(req.url, { method: 'POST', headers: (await signer.sign(req, partner.contract.operations.get(oauth2!.tokenOperation!)!, { at: now(), nonce: 'n' })).request.headers, body: req.body });
        const text = await res.text();
        return parseTokenResponse({ seq: 1, request: req, startedAt: '', durationMs: 0, response: { status: res.status, headers: {}, bodyText: text, body: JSON.parse(text) } });
      },
    });
  });
  afterAll(async () => sim.close());
  return { signed, sim: () => sim };
}

describe('pixpay: HMAC canonical string, verified strictly', () => {
  const h = harness('pixpay');
  it('accepts a correctly signed payout', async () => {
    expect((await send(await h.signed())).status).toBe(201);
  });
  it.each<[string, Forge | undefined, number]>([
    ['another key', { wrongKey: true }, 0],
    ['an unknown key id', { keyId: 'pk_unknown' }, 0],
    ['a stale timestamp', undefined, -400],
    ['a future timestamp', undefined, 400],
  ])('refuses %s with the documented 401 UNAUTHORIZED', async (_what, forge, offset) => {
    const res = await send(await h.signed(forge, now() + offset));
    expect(res).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
  });
  it('refuses a replay and a body changed after signing', async () => {
    const request = await h.signed();
    expect((await send(request)).status).toBe(201);
    expect((await send(request)).status).toBe(401);
    const tampered = await h.signed();
    tampered.body = tampered.body!.replace('1500', '1600');
    expect(await send(tampered)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
  });
});

describe('pixpay with planted defects', () => {
  const h = harness('pixpay', ['accept-missing-signature', 'accept-stale-timestamp', 'unsigned-body']);
  it('accepts what a strict partner refuses, and only that', async () => {
    expect((await send(await h.signed({ omitSignature: true }))).status).toBe(201);
    expect((await send(await h.signed(undefined, now() - 3_600))).status).toBe(201);
    expect((await send(await h.signed(undefined, now() + 3_600))).status).toBe(401);
    const tampered = await h.signed();
    tampered.body = tampered.body!.replace('1500', '1600');
    expect((await send(tampered)).status).toBe(201);
    expect((await send(await h.signed({ wrongKey: true }))).status).toBe(401);
  });
});

describe('lionbank: OAuth2 client credentials and RFC 9421', () => {
  const h = harness('lionbank');
  it('issues a token to the right client only (RFC 6749 invalid_client)', async () => {
    const partner = byId('lionbank');
    const req = tokenRequest(partner.profile.auth!.oauth2!, partner.contract, h.sim().baseUrl);
    const res = await send({ ...req, headers: { ...req.headers, authorization: `Basic ${Buffer.from('railgate-test-client:wrong').toString('base64')}` } });
    expect(res).toEqual({ status: 401, body: { error: 'invalid_client', error_description: 'client authentication failed' } });
  });
  it('accepts a signed payout with a token; refuses a digest mismatch with 400 DIGEST_MISMATCH', async () => {
    expect((await send(await h.signed())).status).toBe(201);
    const tampered = await h.signed();
    tampered.body = tampered.body!.replace('125000', '125001');
    expect(await send(tampered)).toMatchObject({ status: 400, body: { code: 'DIGEST_MISMATCH' } });
  });
  it('refuses a forged token, an unknown key id and a revoked token with their documented codes', async () => {
    expect((await send(await h.signed({ wrongCredentials: true }))).body).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await send(await h.signed({ keyId: 'nobody' }))).body).toMatchObject({ code: 'UNKNOWN_KEY_ID' });
    const request = await h.signed();
    h.sim().state.auth!.revokeTokens();
    expect((await send(request)).body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
