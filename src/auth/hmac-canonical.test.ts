import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HttpMessage } from './http-message.ts';
import { canonicalString, signHmacRequest, type HmacCanonicalSpec } from './hmac-canonical.ts';
import { verifyHmacRequest, type VerifyHmacOptions } from './hmac-canonical-verify.ts';

const spec: HmacCanonicalSpec = {
  algorithm: 'sha256',
  components: ['method', 'path', 'query', 'timestamp', 'nonce', 'body-digest', { header: 'X-Merchant-Id' }],
  separator: '\n',
  bodyDigest: { algorithm: 'sha256', encoding: 'base64' },
  encoding: 'hex',
  headers: { signature: 'X-Signature', keyId: 'X-Key-Id', timestamp: 'X-Timestamp', nonce: 'X-Nonce', digest: 'X-Content-SHA256' },
  signaturePrefix: 'v1=',
  querySort: true,
};

const body = '{"amount":1250,"currency":"EUR"}';
const request: HttpMessage = {
  method: 'post',
  url: 'https://api.psp.test/v2/payouts?z=1&a=2&a=1&m',
  headers: { 'content-type': 'application/json', 'x-merchant-id': ' M-42 ' },
  body,
};
const secret = 'shh-its-a-secret';
const timestamp = 1_700_000_000;
const nonce = 'n-0001';

// The expected values, computed the plain way.
const bodyDigest = createHash('sha256').update(body).digest('base64');
const expectedCanonical = ['POST', '/v2/payouts', 'a=1&a=2&m&z=1', String(timestamp), nonce, bodyDigest, 'M-42'].join('\n');
const expectedSignature = createHmac('sha256', secret).update(expectedCanonical).digest('hex');

describe('canonicalString', () => {
  it('joins the configured parts in order', () => {
    expect(canonicalString(spec, request, { timestamp, nonce })).toBe(expectedCanonical);
  });

  it('keeps the query as given in the URL unless querySort is set', () => {
    expect(canonicalString({ ...spec, components: ['query'], querySort: false }, request, {})).toBe('z=1&a=2&a=1&m');
  });

  it('renders the raw body, an empty body, and an absent header as empty', () => {
    const s: HmacCanonicalSpec = { ...spec, components: ['body', { header: 'x-absent' }, 'body-digest'], separator: '|', bodyDigest: { algorithm: 'sha512', encoding: 'hex' } };
    expect(canonicalString(s, { ...request, body: undefined }, {})).toBe(`||${createHash('sha512').update('').digest('hex')}`);
    expect(canonicalString(s, request, {})).toBe(`${body}||${createHash('sha512').update(body).digest('hex')}`);
  });

  it('throws when a timestamp or nonce it needs is missing', () => {
    expect(() => canonicalString(spec, request, { timestamp })).toThrow(/nonce/);
  });
});

describe('signHmacRequest', () => {
  const signed = signHmacRequest(spec, request, { secret, keyId: 'key-1', timestamp, nonce });

  it('matches a straightforward HMAC-SHA256 (known answer)', () => {
    expect(signed.canonical).toBe(expectedCanonical);
    expect(signed.signature).toBe(`v1=${expectedSignature}`);
  });

  it('returns the headers to add', () => {
    expect(signed.headers).toEqual({
      'X-Key-Id': 'key-1',
      'X-Timestamp': '1700000000',
      'X-Nonce': nonce,
      'X-Content-SHA256': bodyDigest,
      'X-Signature': `v1=${expectedSignature}`,
    });
  });

  it('signs with SHA-512 and base64 output', () => {
    const s: HmacCanonicalSpec = { ...spec, algorithm: 'sha512', encoding: 'base64', signaturePrefix: undefined };
    const out = signHmacRequest(s, request, { secret: Buffer.from(secret), keyId: 'key-1', timestamp, nonce });
    expect(out.signature).toBe(createHmac('sha512', secret).update(expectedCanonical).digest('base64'));
  });

  it('lets a header component see the timestamp header it adds', () => {
    const s: HmacCanonicalSpec = { algorithm: 'sha256', components: ['method', { header: 'x-timestamp' }], separator: ' ', encoding: 'hex', headers: { signature: 'sig', timestamp: 'X-Timestamp' } };
    expect(signHmacRequest(s, request, { secret, timestamp }).canonical).toBe('POST 1700000000');
  });

  it('never includes the secret', () => {
    expect(JSON.stringify(signed)).not.toContain(secret);
  });

  it('throws when the spec sends a key id that was not given', () => {
    expect(() => signHmacRequest(spec, request, { secret, timestamp, nonce })).toThrow(/key id/);
  });
});

describe('verifyHmacRequest', () => {
  const signed = signHmacRequest(spec, request, { secret, keyId: 'key-1', timestamp, nonce });
  const sent: HttpMessage = { ...request, headers: { ...request.headers, ...signed.headers } };
  const options: VerifyHmacOptions = {
    resolveSecret: (keyId) => (keyId === 'key-1' ? secret : undefined),
    now: timestamp + 10,
    toleranceSeconds: 300,
    seenNonce: () => false,
  };
  const withHeaders = (headers: Record<string, string>): HttpMessage => ({ ...sent, headers: { ...sent.headers, ...headers } });
  const without = (name: string): HttpMessage => ({ ...sent, headers: Object.fromEntries(Object.entries(sent.headers).filter(([k]) => k !== name)) });

  it('accepts the signed request', () => {
    expect(verifyHmacRequest(spec, sent, options)).toEqual({ ok: true, keyId: 'key-1', timestamp, nonce, canonical: expectedCanonical });
  });

  it('accepts upper-case hex and skew within tolerance', () => {
    const upper = withHeaders({ 'X-Signature': `v1=${expectedSignature.toUpperCase()}` });
    expect(verifyHmacRequest(spec, upper, { ...options, now: timestamp - 300 })).toMatchObject({ ok: true });
  });

  it.each<[string, HttpMessage, Partial<VerifyHmacOptions>, string]>([
    ['no signature', without('X-Signature'), {}, 'missing-signature'],
    ['a signature without its prefix', withHeaders({ 'X-Signature': expectedSignature }), {}, 'malformed-signature'],
    ['a signature that is not hex', withHeaders({ 'X-Signature': 'v1=zz' }), {}, 'malformed-signature'],
    // Each character of the valid signature moved beyond U+00FF: its low byte is still that hex digit.
    ['a valid signature written in characters that are not hex', withHeaders({ 'X-Signature': `v1=${[...expectedSignature].map((c) => String.fromCharCode(c.charCodeAt(0) + 0x100)).join('')}` }), {}, 'malformed-signature'],
    ['no key id', without('X-Key-Id'), {}, 'missing-key-id'],
    ['an unknown key id', withHeaders({ 'X-Key-Id': 'key-2' }), {}, 'unknown-key'],
    ['no timestamp', without('X-Timestamp'), {}, 'missing-timestamp'],
    ['a non-numeric timestamp', withHeaders({ 'X-Timestamp': '2023-11-14T22:13:20Z' }), {}, 'malformed-timestamp'],
    ['a timestamp beyond tolerance', sent, { now: timestamp + 301 }, 'stale-timestamp'],
    ['a timestamp ahead beyond tolerance', sent, { now: timestamp - 301 }, 'future-timestamp'],
    ['no nonce', without('X-Nonce'), {}, 'missing-nonce'],
    ['no digest', without('X-Content-SHA256'), {}, 'missing-digest'],
    ['a forged body with the original digest', { ...sent, body: '{"amount":9999,"currency":"EUR"}' }, {}, 'digest-mismatch'],
    ['a tampered path', { ...sent, url: 'https://api.psp.test/v2/refunds?z=1&a=2&a=1&m' }, {}, 'signature-mismatch'],
    ['a tampered signed header', withHeaders({ 'x-merchant-id': 'M-43' }), {}, 'signature-mismatch'],
    ['a wrong secret', sent, { resolveSecret: () => 'other-secret' }, 'signature-mismatch'],
    ['a replayed nonce', sent, { seenNonce: (n) => n === nonce }, 'replayed-nonce'],
    ['a URL that does not parse', { ...sent, url: 'not a url' }, {}, 'malformed-request'],
  ])('rejects %s', (_name, message, overrides, step) => {
    expect(verifyHmacRequest(spec, message, { ...options, ...overrides })).toMatchObject({ ok: false, step });
  });

  it('reports the canonical string it computed on a mismatch', () => {
    const result = verifyHmacRequest(spec, withHeaders({ 'x-merchant-id': 'M-43' }), options);
    expect(result).toMatchObject({ step: 'signature-mismatch', canonical: expectedCanonical.replace('M-42', 'M-43') });
  });

  it('does not consult the nonce store for a forged request', () => {
    const seen: string[] = [];
    verifyHmacRequest(spec, withHeaders({ 'x-merchant-id': 'M-43' }), { ...options, seenNonce: (n) => (seen.push(n), false) });
    expect(seen).toEqual([]);
  });
});
