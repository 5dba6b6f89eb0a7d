import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyHmacRequest, verifyMessage } from '../auth/index.ts';
import type { Operation } from '../contract/index.ts';
import { credentialsFor } from '../credentials/index.ts';
import type { HttpRequest } from '../http/index.ts';
import type { Profile } from '../profile/index.ts';
import { createSigner, hmacSpecOf, isSecured } from './index.ts';

const op = (security: Operation['security'], id = 'createPayout'): Operation => ({ id, method: 'post', path: '/payouts', pointer: '', tags: [], parameters: [], responses: [], security, mutating: true });
const secured = op([{ apiKey: [], signature: [] }]);
const request = (): HttpRequest => ({
  method: 'POST',
  url: 'https://api.partner.example/v2/payouts?b=2&a=1',
  headers: { 'content-type': 'application/json', 'idempotency-key': 'k-0001' },
  body: '{"amount":1500}',
});

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const jwk = JSON.stringify(privateKey.export({ format: 'jwk' }));

const profile = (auth: Profile['auth']): Profile => ({
  id: 'p',
  name: 'P',
  contract: 'c.yaml',
  rails: ['BR-PIX'],
  environments: { simulator: { testCredentials: { KEY_ID: 'key-1', SECRET: 'hmac-secret', SIGNING_KEY: jwk, API_KEY: 'ak_live_1234' } } },
  auth,
});

const hmac: NonNullable<Profile['auth']>['hmac'] = {
  algorithm: 'sha256',
  components: ['method', 'path', 'query', 'timestamp', 'nonce', 'body-digest', { header: 'Idempotency-Key' }],
  headers: { signature: 'X-Signature', keyId: 'X-Key-Id', timestamp: 'X-Timestamp', nonce: 'X-Nonce', digest: 'X-Digest' },
  keyIdEnv: 'KEY_ID',
  secretEnv: 'SECRET',
};

function signerFor(auth: Profile['auth']) {
  const p = profile(auth);
  return createSigner(p, credentialsFor(p, 'simulator', {}), { now: () => 0 });
}

describe('the HMAC layer', () => {
  it('signs what a strict verifier accepts, with every header the spec names', async () => {
    const signed = await signerFor({ hmac }).sign(request(), secured, { at: 1_700_000_000, nonce: 'n-1' });
    expect(signed.request.headers).toMatchObject({ 'x-key-id': 'key-1', 'x-timestamp': '1700000000', 'x-nonce': 'n-1' });
    expect(signed.trace?.text).toBe(`POST\n/v2/payouts\nb=2&a=1\n1700000000\nn-1\n${signed.request.headers['x-digest']}\nk-0001`);
    const verified = verifyHmacRequest(hmacSpecOf(hmac), signed.request, { resolveSecret: (id) => (id === 'key-1' ? 'hmac-secret' : undefined), now: 1_700_000_010, toleranceSeconds: 300 });
    expect(verified).toMatchObject({ ok: true, keyId: 'key-1', nonce: 'n-1' });
  });

  it('forges on request: another key, another key id, no signature at all', async () => {
    const signer = signerFor({ hmac });
    const verify = (r: HttpRequest) => verifyHmacRequest(hmacSpecOf(hmac), r, { resolveSecret: (id) => (id === 'key-1' ? 'hmac-secret' : undefined), now: 1_700_000_000, toleranceSeconds: 300 });
    const at = { at: 1_700_000_000, nonce: 'n' };
    expect(verify((await signer.sign(request(), secured, { ...at, forge: { wrongKey: true } })).request)).toMatchObject({ step: 'signature-mismatch' });
    expect(verify((await signer.sign(request(), secured, { ...at, forge: { keyId: 'nobody' } })).request)).toMatchObject({ step: 'unknown-key' });
    const bare = await signer.sign(request(), secured, { ...at, forge: { omitSignature: true } });
    expect(Object.keys(bare.request.headers)).toEqual(['content-type', 'idempotency-key']);
    expect(bare.trace).toBeUndefined();
  });

  it('leaves the caller’s request untouched', async () => {
    const original = request();
    await signerFor({ hmac }).sign(original, secured, { at: 1, nonce: 'n' });
    expect(original.headers).toEqual(request().headers);
  });
});

describe('the RFC 9421 layer', () => {
  const rfc9421 = { algorithm: 'ed25519' as const, components: ['@method', '@target-uri', 'idempotency-key', 'content-digest'], params: ['created', 'nonce', 'keyid'] as Array<'created' | 'nonce' | 'keyid'>, keyIdEnv: 'KEY_ID', keyEnv: 'SIGNING_KEY' };

  it('adds Content-Digest and signs a base the partner can verify with the public key', async () => {
    const signed = await signerFor({ rfc9421 }).sign(request(), secured, { at: 1_700_000_000, nonce: 'n-9' });
    expect(signed.request.headers['content-digest']).toBe(`sha-256=:${createHash('sha256').update('{"amount":1500}').digest('base64')}:`);
    expect(signed.request.headers['signature-input']).toBe('sig1=("@method" "@target-uri" "idempotency-key" "content-digest");created=1700000000;nonce="n-9";keyid="key-1"');
    const verified = verifyMessage({ message: signed.request, resolveKey: (id) => (id === 'key-1' ? publicKey : undefined), now: 1_700_000_001, maxAgeSeconds: 300 });
    expect(verified).toMatchObject({ ok: true, alg: 'ed25519', nonce: 'n-9', base: signed.trace?.text });
  });

  it('covers only the header fields a request carries (a GET has no digest)', async () => {
    const get: HttpRequest = { method: 'GET', url: 'https://api.partner.example/v2/payouts/1', headers: {} };
    const signed = await signerFor({ rfc9421 }).sign(get, secured, { at: 1, nonce: 'n' });
    expect(signed.request.headers['signature-input']).toMatch(/^sig1=\("@method" "@target-uri"\);/);
  });

  it('signs with a key the partner does not hold when asked', async () => {
    const signed = await signerFor({ rfc9421 }).sign(request(), secured, { at: 1_700_000_000, nonce: 'n', forge: { wrongKey: true } });
    expect(verifyMessage({ message: signed.request, resolveKey: () => publicKey, now: 1_700_000_000 })).toMatchObject({ ok: false, step: 'signature-mismatch' });
  });
});

describe('which operations are signed', () => {
  it('signs secured operations only; an empty alternative ({}) means optional auth', () => {
    expect(isSecured(secured)).toBe(true);
    expect(isSecured(op([]))).toBe(false);
    expect(isSecured(op([{ apiKey: [] }, {}]))).toBe(false);
    const signer = signerFor({ apiKey: { in: 'header', name: 'X-Api-Key', valueEnv: 'API_KEY' } });
    expect(signer.layers(op([]))).toHaveLength(0);
    expect(signer.secretHeaders).toEqual(['x-api-key']);
    expect(signer.secretValues()).toContain('ak_live_1234');
  });

  it('gives the token endpoint client credentials only, and other calls the cached token', async () => {
    let fetched = 0;
    const p = profile({ oauth2: { tokenOperation: 'createToken', clientIdEnv: 'KEY_ID', clientSecretEnv: 'SECRET' }, hmac });
    const signer = createSigner(p, credentialsFor(p, 'simulator', {}), { now: () => 0, fetchToken: async () => ({ token: `tok-${++fetched}`, expiresInSeconds: 3600 }) });
    const token = await signer.sign(request(), op([{ clientBasic: [] }], 'createToken'), { at: 1, nonce: 'n' });
    expect(token.request.headers.authorization).toBe(`Basic ${Buffer.from('key-1:hmac-secret').toString('base64')}`);
    expect(token.trace).toBeUndefined();
    const call = await signer.sign(request(), secured, { at: 1, nonce: 'n' });
    expect(call.request.headers.authorization).toBe('Bearer tok-1');
    expect(signer.usesToken(secured)).toBe(true);
    expect(signer.secretValues()).toContain('tok-1');
  });
});
