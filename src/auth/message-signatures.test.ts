import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SignatureAlgorithm } from './algorithms.ts';
import { contentDigest } from './digest.ts';
import type { HttpMessage } from './http-message.ts';
import { signMessage } from './message-signatures.ts';
import { verifyMessage } from './verify-message.ts';

const body = '{"amount":1000,"currency":"EUR"}';
const request: HttpMessage = {
  method: 'POST',
  url: 'https://api.partner.test/v1/payouts?dry=false',
  headers: { 'Content-Type': 'application/json', 'Content-Digest': contentDigest(body, 'sha-512'), 'Idempotency-Key': 'k-1' },
  body,
};
const components = ['@method', '@target-uri', 'content-type', 'content-digest', 'idempotency-key'];
const created = 1_700_000_000;

const pairs: Array<[SignatureAlgorithm, { privateKey: KeyObject; publicKey: KeyObject }]> = [
  ['ecdsa-p256-sha256', generateKeyPairSync('ec', { namedCurve: 'P-256' })],
  ['rsa-pss-sha512', generateKeyPairSync('rsa', { modulusLength: 2048 })],
  ['ed25519', generateKeyPairSync('ed25519')],
];

describe.each(pairs)('%s round trip', (alg, { privateKey, publicKey }) => {
  const signed = signMessage({ message: request, label: 'sig1', components, params: { created, keyid: 'k1', alg }, key: privateKey });
  const verify = (message: HttpMessage, key: KeyObject = publicKey) =>
    verifyMessage({
      message,
      signatureInputHeader: signed.signatureInput,
      signatureHeader: signed.signature,
      resolveKey: (keyid, named) => (keyid === 'k1' && named === alg ? key : undefined),
      now: created + 1,
    });

  it('verifies', () => {
    expect(verify(request)).toMatchObject({ ok: true, alg, keyid: 'k1', components: components.map((c) => `"${c}"`) });
  });

  it('writes alg into Signature-Input', () => {
    expect(signed.signatureInput).toBe(`sig1=("@method" "@target-uri" "content-type" "content-digest" "idempotency-key");created=${created};keyid="k1";alg="${alg}"`);
  });

  if (alg === 'ecdsa-p256-sha256') {
    it('uses the 64-byte IEEE P1363 r||s encoding (RFC 9421 §3.3.4)', () => {
      const bytes = Buffer.from(signed.signature.slice('sig1=:'.length, -1), 'base64');
      expect(bytes.byteLength).toBe(64);
    });
  }

  it('rejects a tampered signed header', () => {
    expect(verify({ ...request, headers: { ...request.headers, 'Idempotency-Key': 'k-2' } })).toMatchObject({ step: 'signature-mismatch' });
  });

  it('rejects a tampered body with a recomputed digest', () => {
    const forged = '{"amount":9000,"currency":"EUR"}';
    const headers = { ...request.headers, 'Content-Digest': contentDigest(forged, 'sha-512') };
    expect(verify({ ...request, body: forged, headers })).toMatchObject({ step: 'signature-mismatch' });
  });

  it('rejects a tampered body with the original digest', () => {
    expect(verify({ ...request, body: '{}' })).toMatchObject({ step: 'digest-mismatch' });
  });

  it('rejects another key of the same type', () => {
    const other = alg === 'ecdsa-p256-sha256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : alg === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(verify(request, other.publicKey)).toMatchObject({ step: 'signature-mismatch' });
  });
});

describe('key and algorithm agreement', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signed = signMessage({ message: request, label: 'sig1', components: ['@method'], params: { created, alg: 'ed25519' }, key: privateKey });

  it('refuses a key that does not fit the named algorithm', () => {
    const result = verifyMessage({ message: request, signatureInputHeader: signed.signatureInput, signatureHeader: signed.signature, resolveKey: () => Buffer.from('secret'), now: created });
    expect(result).toMatchObject({ ok: false, step: 'incompatible-key' });
  });

  it('refuses a key pinned to another algorithm', () => {
    const result = verifyMessage({ message: request, signatureInputHeader: signed.signatureInput, signatureHeader: signed.signature, resolveKey: () => ({ key: publicKey, alg: 'hmac-sha256' }), now: created });
    expect(result).toMatchObject({ ok: false, step: 'incompatible-key' });
  });

  it('refuses an unsupported algorithm', () => {
    const input = signed.signatureInput.replace('alg="ed25519"', 'alg="rsa-v1_5-sha256"');
    const result = verifyMessage({ message: request, signatureInputHeader: input, signatureHeader: signed.signature, resolveKey: () => publicKey, now: created });
    expect(result).toMatchObject({ ok: false, step: 'unsupported-algorithm' });
  });

  it('throws when signing with a key unfit for the algorithm', () => {
    expect(() => signMessage({ message: request, label: 'sig1', components: ['@method'], params: { alg: 'hmac-sha256' }, key: privateKey })).toThrow(/cannot be used/);
  });
});

describe('freshness: created and expires', () => {
  const secret = Buffer.from('0123456789abcdef0123456789abcdef');
  const sign = (params: { created?: number; expires?: number }) => signMessage({ message: request, label: 'sig1', components: ['@method'], params: { ...params, keyid: 's' }, key: secret });
  const verify = (params: { created?: number; expires?: number }, now: number, extra: { maxAgeSeconds?: number; clockSkewSeconds?: number } = {}) => {
    const signed = sign(params);
    return verifyMessage({ message: request, signatureInputHeader: signed.signatureInput, signatureHeader: signed.signature, resolveKey: () => secret, now, ...extra });
  };

  it('accepts a signature inside its window', () => {
    expect(verify({ created, expires: created + 300 }, created + 299, { maxAgeSeconds: 300 })).toMatchObject({ ok: true, created, expires: created + 300 });
  });

  it('rejects an expired signature', () => {
    expect(verify({ created, expires: created + 300 }, created + 301)).toMatchObject({ ok: false, step: 'expired' });
  });

  it('rejects a signature created in the future, unless within the allowed skew', () => {
    expect(verify({ created: created + 30 }, created)).toMatchObject({ ok: false, step: 'created-in-future' });
    expect(verify({ created: created + 30 }, created, { clockSkewSeconds: 30 })).toMatchObject({ ok: true });
  });

  it('rejects a signature older than maxAgeSeconds', () => {
    expect(verify({ created }, created + 301, { maxAgeSeconds: 300 })).toMatchObject({ ok: false, step: 'stale' });
  });

  it('reports a missing created when an age limit is set', () => {
    expect(verify({}, created, { maxAgeSeconds: 300 })).toMatchObject({ ok: false, step: 'missing-parameter' });
  });
});

describe('verifyMessage never throws on bad input', () => {
  const resolveKey = () => Buffer.from('k');
  const cases: Array<[string, string | undefined, string | undefined, string]> = [
    ['no headers', undefined, undefined, 'missing-signature'],
    ['unparseable Signature-Input', 'sig1=("@method"', 'sig1=:AAAA:', 'malformed'],
    ['unparseable Signature', 'sig1=("@method")', 'sig1=:AA', 'malformed'],
    ['labels that do not meet', 'sig1=("@method")', 'sig2=:AAAA:', 'missing-signature'],
    ['an item instead of an inner list', 'sig1="@method"', 'sig1=:AAAA:', 'malformed'],
    ['a token instead of a byte sequence', 'sig1=("@method")', 'sig1=abc', 'malformed'],
    ['a string created', 'sig1=("@method");created="now"', 'sig1=:AAAA:', 'malformed'],
    ['a component absent from the message', 'sig1=("x-missing")', 'sig1=:AAAA:', 'missing-component'],
    ['a repeated component', 'sig1=("@method" "@method")', 'sig1=:AAAA:', 'missing-component'],
    ['@signature-params covered', 'sig1=("@signature-params")', 'sig1=:AAAA:', 'missing-component'],
  ];

  it.each(cases)('%s', (_name, input, signature, step) => {
    const result = verifyMessage({ message: request, signatureInputHeader: input, signatureHeader: signature, resolveKey, now: created });
    expect(result).toMatchObject({ ok: false, step });
  });

  it('reports the label asked for when it is absent', () => {
    const result = verifyMessage({ message: request, signatureInputHeader: 'sig1=("@method")', signatureHeader: 'sig1=:AAAA:', label: 'sig9', resolveKey, now: created });
    expect(result).toMatchObject({ ok: false, step: 'missing-signature' });
  });

  it('reports a required component the signature does not cover', () => {
    const secret = Buffer.from('k');
    const signed = signMessage({ message: request, label: 'sig1', components: ['@method'], params: { created }, key: secret });
    const result = verifyMessage({ message: request, signatureInputHeader: signed.signatureInput, signatureHeader: signed.signature, resolveKey: () => secret, now: created, requiredComponents: ['@method', 'content-digest'] });
    expect(result).toMatchObject({ ok: false, step: 'missing-component', reason: 'the signature does not cover "content-digest"' });
  });

  it('turns a throwing resolveKey into unknown-key', () => {
    const secret = Buffer.from('k');
    const signed = signMessage({ message: request, label: 'sig1', components: ['@method'], params: { created }, key: secret });
    const result = verifyMessage({ message: request, signatureInputHeader: signed.signatureInput, signatureHeader: signed.signature, resolveKey: () => { throw new Error('vault down'); }, now: created });
    expect(result).toMatchObject({ ok: false, step: 'unknown-key', reason: 'resolveKey threw: vault down' });
  });
});

describe('signMessage output', () => {
  it('never carries the secret', () => {
    const secret = Buffer.from('super-secret-value-1234567890');
    const signed = signMessage({ message: request, label: 'sig1', components: ['@method'], params: { created }, key: secret });
    const text = JSON.stringify(signed);
    expect(text).not.toContain('super-secret-value');
    expect(text).not.toContain(secret.toString('base64'));
    expect(text).not.toContain(secret.toString('hex'));
  });

  it('rejects a label that is not an RFC 8941 key', () => {
    expect(() => signMessage({ message: request, label: 'Sig1', components: ['@method'], params: {}, key: Buffer.from('k') })).toThrow(/label/);
  });

  it('throws when a covered component is absent', () => {
    expect(() => signMessage({ message: request, label: 'sig1', components: ['x-missing'], params: {}, key: Buffer.from('k') })).toThrow(/absent/);
  });
});
