import { X509Certificate, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyFromJwk, keyFromPem } from './keys.ts';
import { PAYPAL_AUTH_ALGO, paypalMessage } from './webhook-paypal.ts';
import { signWithKey, verifyWithKey, type KeySignatureAlgorithm } from './webhook-public-key.ts';

// Wise's published example, quoted with its source in test/fixtures/webhooks/wise-vector.json: transferwise/digital-signatures-examples,
// verify-webhook-signature/verify-signature.js — the sandbox public key, a body and its X-Signature-SHA256, RSA-SHA256 over the raw body.
const wise = JSON.parse(readFileSync(new URL('../../test/fixtures/webhooks/wise-vector.json', import.meta.url), 'utf8')) as { body: string; headers: Record<string, string> };
const WISE_SANDBOX_KEY = readFileSync(new URL('../../test/fixtures/webhooks/wise-sandbox-public.pem', import.meta.url), 'utf8');
const WISE_BODY = wise.body;
const WISE_SIGNATURE = wise.headers['X-Signature-SHA256'] as string;

describe('public-key: Wise, RSA-SHA256 over the raw body', () => {
  const key = keyFromPem(WISE_SANDBOX_KEY);
  const check = (overrides: Partial<Parameters<typeof verifyWithKey>[0]> = {}) => verifyWithKey({ message: WISE_BODY, signature: WISE_SIGNATURE, key, ...overrides });

  it('verifies the published example', () => {
    expect(check()).toEqual({ ok: true });
  });

  it.each<[string, Partial<Parameters<typeof verifyWithKey>[0]>, string]>([
    ['a tampered body', { message: WISE_BODY.replace('49983981', '49983982') }, 'signature-mismatch'],
    ['the body re-serialised with spaces', { message: JSON.stringify(JSON.parse(WISE_BODY), null, 1) }, 'signature-mismatch'],
    ['a flipped signature byte', { signature: `A${WISE_SIGNATURE.slice(1)}` }, 'signature-mismatch'],
    ['PSS where the partner used PKCS#1 v1.5', { algorithm: 'rsa-pss-sha256' }, 'signature-mismatch'],
    ['no signature', { signature: undefined }, 'missing-signature'],
    ['a signature that is not base64', { signature: 'not base64!' }, 'malformed-signature'],
    ['an Ed25519 key where RSA is expected', { key: generateKeyPairSync('ed25519').publicKey }, 'incompatible-key'],
  ])('rejects %s', (_name, overrides, step) => {
    expect(check(overrides)).toMatchObject({ ok: false, step });
  });
});

describe('public-key: Ed25519 on RFC 8032 §7.1 TEST 2 (no payment provider publishes an Ed25519, ECDSA or PSS webhook vector: the algorithms\' own RFC vectors stand in)', () => {
  // RFC 8032 §7.1, TEST 2: public key 3d4017c3…660c, message 0x72, signature 92a009a9…0c00.
  const key = keyFromJwk({ kty: 'OKP', crv: 'Ed25519', x: Buffer.from('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', 'hex').toString('base64url') });
  const signature = '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00';
  it('verifies the RFC vector, and refuses another message', () => {
    expect(verifyWithKey({ algorithm: 'ed25519', encoding: 'hex', message: Buffer.from([0x72]), signature, key })).toEqual({ ok: true });
    expect(verifyWithKey({ algorithm: 'ed25519', encoding: 'hex', message: Buffer.from([0x73]), signature, key })).toMatchObject({ ok: false, step: 'signature-mismatch' });
  });
});

describe('public-key: ECDSA P-256 on RFC 6979 §A.2.5 (SHA-256, message "sample"), raw r||s and the same as DER', () => {
  const b64url = (hex: string): string => Buffer.from(hex, 'hex').toString('base64url');
  const key = keyFromJwk({ kty: 'EC', crv: 'P-256', x: b64url('60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6'), y: b64url('7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299') });
  const r = 'EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716';
  const s = 'F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8';
  // DER: SEQUENCE { INTEGER r, INTEGER s }, each with a leading 00 as its top bit is set.
  const der = Buffer.from(`3046022100${r}022100${s}`, 'hex').toString('base64');
  it('verifies r||s as raw and its DER form as der, and refuses each read the other way', () => {
    const raw = Buffer.from(r + s, 'hex').toString('base64');
    expect(verifyWithKey({ algorithm: 'ecdsa-p256-sha256', ecdsaSignature: 'raw', message: 'sample', signature: raw, key })).toEqual({ ok: true });
    expect(verifyWithKey({ algorithm: 'ecdsa-p256-sha256', message: 'sample', signature: der, key })).toEqual({ ok: true });
    expect(verifyWithKey({ algorithm: 'ecdsa-p256-sha256', message: 'sample', signature: raw, key })).toMatchObject({ ok: false });
    expect(verifyWithKey({ algorithm: 'ecdsa-p256-sha256', ecdsaSignature: 'raw', message: 'sample', signature: der, key })).toMatchObject({ ok: false });
    expect(verifyWithKey({ algorithm: 'ecdsa-p256-sha256', message: 'samplE', signature: der, key })).toMatchObject({ ok: false, step: 'signature-mismatch' });
  });
});

// RSA-PSS has no provider vector either (its salt is random): each algorithm is also a round trip with a generated key, node:crypto's own
// verify (the DER case) as the independent check, and a tampered message that must fail.
describe('public-key: each algorithm signs and verifies, and refuses a tampered message', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ed = generateKeyPairSync('ed25519');
  const cases: Array<[KeySignatureAlgorithm, { privateKey: KeyObject; publicKey: KeyObject }, 'der' | 'raw' | undefined]> = [
    ['rsa-sha256', rsa, undefined],
    ['rsa-sha512', rsa, undefined],
    ['rsa-pss-sha256', rsa, undefined],
    ['rsa-pss-sha512', rsa, undefined],
    ['ecdsa-p256-sha256', ec, 'der'],
    ['ecdsa-p256-sha256', ec, 'raw'],
    ['ed25519', ed, undefined],
  ];
  it.each(cases)('%s (%s)', (algorithm, pair, ecdsaSignature) => {
    const scheme = { algorithm, ...(ecdsaSignature ? { ecdsaSignature } : {}) };
    const signature = signWithKey({ ...scheme, message: 'hello', key: pair.privateKey });
    expect(verifyWithKey({ ...scheme, message: 'hello', signature, key: pair.publicKey })).toEqual({ ok: true });
    expect(verifyWithKey({ ...scheme, message: 'hellO', signature, key: pair.publicKey })).toMatchObject({ ok: false, step: 'signature-mismatch' });
  });

  it('tells DER from raw ECDSA: 64 bytes r||s against DER, and the reverse, never verify', () => {
    const raw = signWithKey({ algorithm: 'ecdsa-p256-sha256', ecdsaSignature: 'raw', message: 'm', key: ec.privateKey });
    expect(Buffer.from(raw, 'base64').byteLength).toBe(64);
    expect(verifyWithKey({ algorithm: 'ecdsa-p256-sha256', message: 'm', signature: raw, key: ec.publicKey })).toMatchObject({ ok: false });
    const der = signWithKey({ algorithm: 'ecdsa-p256-sha256', message: 'm', key: ec.privateKey });
    expect(verify('sha256', Buffer.from('m'), ec.publicKey, Buffer.from(der, 'base64'))).toBe(true);
  });

  it('names the key a P-384 key is not', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    expect(verifyWithKey({ algorithm: 'ecdsa-p256-sha256', message: 'm', signature: 'AAAA', key: p384.publicKey })).toEqual({ ok: false, step: 'incompatible-key', reason: 'ecdsa-p256-sha256 needs a P-256 key, the key given is on secp384r1' });
  });

  it('takes a prefix and hex', () => {
    const signature = signWithKey({ algorithm: 'ed25519', prefix: 'ed25519=', encoding: 'hex', message: 'm', key: ed.privateKey });
    expect(signature).toMatch(/^ed25519=[0-9a-f]{128}$/);
    expect(verifyWithKey({ algorithm: 'ed25519', prefix: 'ed25519=', encoding: 'hex', message: 'm', signature, key: ed.publicKey })).toEqual({ ok: true });
    expect(verifyWithKey({ algorithm: 'ed25519', prefix: 'ed25519=', encoding: 'hex', message: 'm', signature: signature.slice(8), key: ed.publicKey })).toMatchObject({ step: 'malformed-signature' });
  });
});

interface PaypalVector {
  webhookId: string;
  body: string;
  crc32: number;
  message: string;
  headers: Record<string, string>;
}

describe('paypal: SHA256withRSA over transmission id|time|webhook id|crc32(body), by the certificate key', () => {
  // Derived, not published (see its `source`): PayPal's samples verify through its API, never offline.
  const vector = JSON.parse(readFileSync(new URL('../../test/fixtures/webhooks/paypal-vector.json', import.meta.url), 'utf8')) as PaypalVector;
  const certPem = readFileSync(new URL('../../test/fixtures/webhooks/paypal-cert.pem', import.meta.url), 'utf8');
  const h = vector.headers;
  const message = (body = vector.body, webhookId = vector.webhookId) =>
    paypalMessage({ transmissionId: h['PAYPAL-TRANSMISSION-ID']!, transmissionTime: h['PAYPAL-TRANSMISSION-TIME']!, webhookId, body });

  it('builds the message with the CRC-32 of the raw body as an unsigned decimal', () => {
    // The CRC-32 was also computed by Python's zlib.crc32 when the vector was made.
    expect(message()).toBe(vector.message);
    expect(vector.message.endsWith(`|${vector.crc32}`)).toBe(true);
    expect(paypalMessage({ transmissionId: 't', transmissionTime: 'x', webhookId: 'w', body: 'The quick brown fox jumps over the lazy dog' })).toBe('t|x|w|1095738169');
  });

  it('verifies with the key of the certificate, and refuses a tampered body or another webhook id', () => {
    expect(h['PAYPAL-AUTH-ALGO']).toBe(PAYPAL_AUTH_ALGO);
    const key = keyFromPem(certPem);
    expect(key.equals(new X509Certificate(certPem).publicKey)).toBe(true);
    const signature = h['PAYPAL-TRANSMISSION-SIG'];
    expect(verifyWithKey({ message: message(), signature, key })).toEqual({ ok: true });
    expect(verifyWithKey({ message: message(vector.body.replace('0.48', '4.80')), signature, key })).toMatchObject({ ok: false, step: 'signature-mismatch' });
    expect(verifyWithKey({ message: message(vector.body, '9XY4291016473214C'), signature, key })).toMatchObject({ ok: false, step: 'signature-mismatch' });
  });
});
