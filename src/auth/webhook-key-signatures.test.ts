import { X509Certificate, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyFromPem } from './keys.ts';
import { PAYPAL_AUTH_ALGO, paypalMessage } from './webhook-paypal.ts';
import { signWithKey, verifyWithKey, type KeySignatureAlgorithm } from './webhook-public-key.ts';

/**
 * Wise's published example: transferwise/digital-signatures-examples, verify-webhook-signature/verify-signature.js
 * (and .php): the sandbox public key, a webhook body and its X-Signature-SHA256 header, RSA-SHA256
 * (RSASSA-PKCS1-v1_5) over the raw body, base64.
 */
const WISE_SANDBOX_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwpb91cEYuyJNQepZAVfP
ZIlPZfNUefH+n6w9SW3fykqKu938cR7WadQv87oF2VuT+fDt7kqeRziTmPSUhqPU
ys/V2Q1rlfJuXbE+Gga37t7zwd0egQ+KyOEHQOpcTwKmtZ81ieGHynAQzsn1We3j
wt760MsCPJ7GMT141ByQM+yW1Bx+4SG3IGjXWyqOWrcXsxAvIXkpUD/jK/L958Cg
nZEgz0BSEh0QxYLITnW1lLokSx/dTianWPFEhMC9BgijempgNXHNfcVirg1lPSyg
z7KqoKUN0oHqWLr2U1A+7kqrl6O2nx3CKs1bj1hToT1+p4kcMoHXA7kA+VBLUpEs
VwIDAQAB
-----END PUBLIC KEY-----`;
const WISE_BODY =
  '{"data":{"resource":{"id":49983981,"profile_id":16055450,"account_id":14124090,"type":"transfer"},"current_state":"incoming_payment_waiting","previous_state":null,"occurred_at":"2021-08-23T10:12:50Z"},"subscription_id":"90aa8e14-4ef1-4a56-861c-f3c9cde097ea","event_type":"transfers#state-change","schema_version":"2.0.0","sent_at":"2021-08-23T10:12:50Z"}';
const WISE_SIGNATURE =
  'wKcKCYXAzxNgiu7xmoDm943NUni7Rz33QN8JkEA9dWSGebgndonabgSj18Y4C08OrwVmueGsED2s00M7DtJVcYKOS1i3G4TMVx+mgM3aL9djMBkQtiYNBFUd6wrPI7ZUNHv/TrlKSjTMc+6JFvUvJ7owY3z85e3I4jLRLJowMFvO8kvCJ60+1pY9wDwZvtZ//WS93LrwGjk9Dvwzpmu0w+P4J75tETT5qC3Uv0y5G2yO8SEoO3yNP/tg/BOli02niHb53vEOUWUb9bly6thnfMoXoiV/osoGxgF20R58RlvkAmezyyl1Sv542TfS2DpiwVnmjjjkCyXeSUcKookYLQ==';

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
