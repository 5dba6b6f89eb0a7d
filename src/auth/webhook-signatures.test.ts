import { createHmac, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentDigest } from './digest.ts';
import type { HttpMessage } from './http-message.ts';
import { signMessage } from './message-signatures.ts';
import { verifyMessage } from './verify-message.ts';
import { signBodyHmac, verifyBodyHmac } from './webhook-body-hmac.ts';
import { signFieldsHmac, verifyFieldsHmac } from './webhook-fields-hmac.ts';
import { signTimestampedWebhook, verifyTimestampedWebhook } from './webhook-timestamped.ts';

interface WebhookVectors {
  vectors: [
    { secret: string; timestamp: number; body: string; header: string },
    { keyHex: string; signedString: string; signature: string },
    { secret: string; body: string; signature: string },
  ];
}

const { vectors } = JSON.parse(readFileSync(new URL('../../../shared/vectors/webhooks.json', import.meta.url), 'utf8')) as WebhookVectors;
const [stripe, adyen, razorpay] = vectors;
// Adyen shows its HMAC key as hex: the bytes are the key (profile: secretEncoding: hex).
const adyenKey = Buffer.from(adyen.keyHex, 'hex');

describe('timestamped HMAC (t=…,v1=…)', () => {
  it('reproduces the vector', () => {
    const signed = signTimestampedWebhook({ body: stripe.body, secret: stripe.secret, timestamp: stripe.timestamp });
    expect(signed.header).toBe(stripe.header);
    expect(signed.signedPayload).toBe(`${stripe.timestamp}.${stripe.body}`);
  });

  const verify = (overrides: Partial<Parameters<typeof verifyTimestampedWebhook>[0]> = {}) =>
    verifyTimestampedWebhook({ header: stripe.header, body: stripe.body, secrets: stripe.secret, now: stripe.timestamp + 60, ...overrides });

  it('verifies the vector, from a list of secrets during a rotation', () => {
    expect(verify()).toEqual({ ok: true, timestamp: stripe.timestamp, secretIndex: 0 });
    expect(verify({ secrets: ['whsec_new', stripe.secret] })).toMatchObject({ ok: true, secretIndex: 1 });
  });

  it('accepts any of several v1 values and ignores other schemes', () => {
    const header = `t=${stripe.timestamp},v0=abc,v1=${'0'.repeat(64)},${stripe.header.split(',')[1]}`;
    expect(verify({ header })).toMatchObject({ ok: true });
  });

  it.each<[string, Partial<Parameters<typeof verifyTimestampedWebhook>[0]>, string]>([
    ['no header', { header: undefined }, 'missing-header'],
    ['no v1', { header: `t=${stripe.timestamp}` }, 'malformed-header'],
    ['no t', { header: stripe.header.split(',')[1] }, 'malformed-header'],
    ['a non-numeric t', { header: stripe.header.replace(/^t=\d+/, 't=soon') }, 'malformed-header'],
    ['a tampered body', { body: stripe.body.replace('evt_test_webhook', 'evt_forged') }, 'signature-mismatch'],
    ['a tampered timestamp', { header: stripe.header.replace(/^t=\d+/, `t=${stripe.timestamp + 1}`) }, 'signature-mismatch'],
    ['a wrong secret', { secrets: ['whsec_other'] }, 'signature-mismatch'],
    ['a timestamp beyond the 300 s tolerance', { now: stripe.timestamp + 301 }, 'stale-timestamp'],
    ['a timestamp far in the future', { now: stripe.timestamp - 301 }, 'future-timestamp'],
  ])('rejects %s', (_name, overrides, step) => {
    expect(verify(overrides)).toMatchObject({ ok: false, step });
  });

  it('honours a custom tolerance', () => {
    expect(verify({ now: stripe.timestamp + 30, toleranceSeconds: 10 })).toMatchObject({ ok: false, step: 'stale-timestamp' });
  });
});

describe('HMAC over fields joined by a separator (Adyen style)', () => {
  const fields = adyen.signedString.split(':');

  it('reproduces the vector', () => {
    expect(signFieldsHmac({ fields, secret: adyenKey })).toEqual({ signature: adyen.signature, signedString: adyen.signedString });
  });

  it('accepts typed fields', () => {
    const typed = [...fields.slice(0, 4), 1000, 'EUR', 'CAPTURE', true];
    expect(signFieldsHmac({ fields: typed, secret: adyenKey }).signature).toBe(adyen.signature);
  });

  it('verifies, and rejects tampering and bad input', () => {
    const verify = (overrides: Partial<Parameters<typeof verifyFieldsHmac>[0]>) =>
      verifyFieldsHmac({ fields, signature: adyen.signature, secrets: adyenKey, ...overrides });
    expect(verify({})).toEqual({ ok: true, secretIndex: 0, signedString: adyen.signedString });
    expect(verify({ fields: fields.map((f) => (f === '1000' ? '100000' : f)) })).toMatchObject({ ok: false, step: 'signature-mismatch' });
    expect(verify({ secrets: [Buffer.alloc(32)] })).toMatchObject({ ok: false, step: 'signature-mismatch' });
    expect(verify({ secrets: [Buffer.alloc(32), adyenKey] })).toMatchObject({ ok: true, secretIndex: 1 });
    expect(verify({ separator: '|' })).toMatchObject({ ok: false, step: 'signature-mismatch', signedString: fields.join('|') });
    expect(verify({ signature: undefined })).toMatchObject({ ok: false, step: 'missing-signature' });
    expect(verify({ signature: 'bad base64!' })).toMatchObject({ ok: false, step: 'malformed-signature' });
  });
});

describe('HMAC over the raw body (Razorpay style)', () => {
  it('reproduces the vector', () => {
    expect(signBodyHmac({ body: razorpay.body, secret: razorpay.secret })).toEqual({ signature: razorpay.signature, signedPayload: razorpay.body });
  });

  it('verifies, and rejects tampering', () => {
    expect(verifyBodyHmac({ body: razorpay.body, signature: razorpay.signature, secrets: razorpay.secret })).toEqual({ ok: true, secretIndex: 0 });
    expect(verifyBodyHmac({ body: `${razorpay.body} `, signature: razorpay.signature, secrets: razorpay.secret })).toMatchObject({ step: 'signature-mismatch' });
    expect(verifyBodyHmac({ body: razorpay.body, signature: undefined, secrets: razorpay.secret })).toMatchObject({ step: 'missing-signature' });
    expect(verifyBodyHmac({ body: razorpay.body, signature: 'xyz', secrets: razorpay.secret })).toMatchObject({ step: 'malformed-signature' });
  });

  it('supports a prefix, SHA-512 and base64 (GitHub / Shopify styles)', () => {
    const body = new TextEncoder().encode('{"action":"opened"}');
    const github = signBodyHmac({ body, secret: 's', prefix: 'sha256=' });
    expect(github.signature).toBe(`sha256=${createHmac('sha256', 's').update(body).digest('hex')}`);
    expect(verifyBodyHmac({ body, signature: github.signature, secrets: ['old', 's'], prefix: 'sha256=' })).toEqual({ ok: true, secretIndex: 1 });
    expect(verifyBodyHmac({ body, signature: github.signature.slice('sha256='.length), secrets: 's', prefix: 'sha256=' })).toMatchObject({ step: 'malformed-signature' });
    const b64 = signBodyHmac({ body, secret: 's', algorithm: 'sha512', encoding: 'base64' });
    expect(b64.signature).toBe(createHmac('sha512', 's').update(body).digest('base64'));
    expect(verifyBodyHmac({ body, signature: b64.signature, secrets: 's', algorithm: 'sha512', encoding: 'base64' })).toMatchObject({ ok: true });
  });
});

describe('RFC 9421 signed webhooks (reusing the message signature module)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const body = '{"type":"payout.settled","id":"po_1"}';
  const callback: HttpMessage = {
    method: 'POST',
    url: 'https://hooks.railgate.test/partner/acme',
    headers: { 'Content-Type': 'application/json', 'Content-Digest': contentDigest(body, 'sha-256') },
    body,
  };
  const signed = signMessage({ message: callback, label: 'wh', components: ['@method', '@target-uri', 'content-type', 'content-digest'], params: { created: 1_700_000_000, keyid: 'acme-2024', alg: 'ed25519' }, key: privateKey });
  const received = { ...callback, headers: { ...callback.headers, ...signed.headers } };
  const verify = (message: HttpMessage) =>
    verifyMessage({ message, resolveKey: (keyid) => (keyid === 'acme-2024' ? publicKey : undefined), now: 1_700_000_005, maxAgeSeconds: 300, requiredComponents: ['content-digest', '@target-uri'] });

  it('accepts the signed callback', () => {
    expect(verify(received)).toMatchObject({ ok: true, label: 'wh', alg: 'ed25519' });
  });

  it('rejects a forged body', () => {
    expect(verify({ ...received, body: '{"type":"payout.settled","id":"po_2"}' })).toMatchObject({ ok: false, step: 'digest-mismatch' });
  });

  it('rejects a callback replayed to another URL', () => {
    expect(verify({ ...received, url: 'https://hooks.railgate.test/partner/other' })).toMatchObject({ ok: false, step: 'signature-mismatch' });
  });
});

describe('webhook sign results never carry the secret', () => {
  it.each([
    ['timestamped', () => signTimestampedWebhook({ body: '{}', secret: 'whsec_topsecret', timestamp: 1 })],
    ['body', () => signBodyHmac({ body: '{}', secret: 'whsec_topsecret' })],
  ])('%s', (_name, sign) => {
    expect(JSON.stringify(sign())).not.toContain('topsecret');
  });

  it('fields', () => {
    expect(JSON.stringify(signFieldsHmac({ fields: ['a'], secret: adyenKey })).toLowerCase()).not.toContain(adyen.keyHex.toLowerCase());
  });
});
