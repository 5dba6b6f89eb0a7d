import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhooksSpec } from '../profile/index.ts';
import { applySigned, signDelivery, startReceiver, verificationStage, verifyDelivery } from './index.ts';
import type { WebhookDelivery, WebhookKey, WebhookReceiver } from './index.ts';

const T = 1_700_000_000;
const body = '{"id":"evt_1","type":"payout.status_changed","data":{"id":"po_1","amount":1500}}';
const delivery = (): WebhookDelivery => ({ method: 'POST', url: 'https://hooks.railgate.test/webhooks/p', headers: { 'content-type': 'application/json' }, body });
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

const schemes: Array<[string, WebhooksSpec, WebhookKey, WebhookKey]> = [
  ['timestamped', { scheme: 'timestamped', header: 'P-Signature', secretEnv: 'S' }, { secret: Buffer.from('whsec') }, { secret: Buffer.from('whsec') }],
  ['body-hmac', { scheme: 'body-hmac', header: 'X-Hub-Signature-256', secretEnv: 'S', prefix: 'sha256=' }, { secret: Buffer.from('whsec') }, { secret: Buffer.from('whsec') }],
  ['rfc9421', { scheme: 'rfc9421', components: ['@method', '@target-uri', 'content-type', 'content-digest'], keyEnv: 'K', algorithm: 'ed25519' }, { key: privateKey, keyId: 'k1' }, { key: publicKey, keyId: 'k1' }],
  // Issue 15: the signature inside the body; a signature by the partner's key over a message with a signed time; PayPal's.
  ['fields-hmac', { scheme: 'fields-hmac', secretEnv: 'S', fields: ['/id', '/type', '/data/amount', '/data/missing'], signatureAt: '/sig/hmac' }, { secret: Buffer.from('k') }, { secret: Buffer.from('k') }],
  ['public-key', { scheme: 'public-key', header: 'X-Sig', algorithm: 'ed25519', message: [{ timestamp: 'X-Sig-Time' }, 'body'], keyEnv: 'K' }, { key: privateKey }, { key: publicKey }],
  ['paypal', { scheme: 'paypal', keyEnv: 'K', webhookId: 'WH1' }, { key: rsa.privateKey, webhookId: 'WH1' }, { key: rsa.publicKey, webhookId: 'WH1' }],
];

function signed(spec: WebhooksSpec, key: WebhookKey, at = T): WebhookDelivery {
  const d = delivery();
  applySigned(d, signDelivery(spec, key, d, at));
  return d;
}

/** What each scheme signs, read back from the verification. */
const SIGNED: Record<string, RegExp> = {
  'fields-hmac': /^evt_1:payout\.status_changed:1500:$/,
  'public-key': new RegExp(`^${T}\\.`),
  paypal: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\|2023-11-14T22:13:20Z\|WH1\|\d+$/,
};

describe.each(schemes)('%s deliveries', (_name, spec, signKey, verifyKey) => {
  it('verify when signed with the partner key, and say what was signed', () => {
    const result = verifyDelivery(spec, verifyKey, signed(spec, signKey), T + 10);
    expect(result.ok).toBe(true);
    if (SIGNED[spec.scheme]) expect(result.signed?.text).toMatch(SIGNED[spec.scheme]!);
    else expect(result.signed?.text).toContain(spec.scheme === 'rfc9421' ? '"@signature-params"' : body);
  });

  it('fail on a body changed after signing', () => {
    const d = signed(spec, signKey);
    d.body = d.body.replace('1500', '1600');
    expect(d.body).toContain('1600');
    expect(verifyDelivery(spec, verifyKey, d, T)).toMatchObject({ ok: false, step: spec.scheme === 'rfc9421' ? 'digest-mismatch' : 'signature-mismatch' });
  });

  it('fail without a signature', () => {
    expect(verifyDelivery(spec, verifyKey, delivery(), T)).toMatchObject({ ok: false, step: spec.scheme === 'rfc9421' ? 'missing-signature' : 'missing-signature' });
  });

  if (spec.scheme !== 'body-hmac' && spec.scheme !== 'fields-hmac') {
    it('fail with a timestamp outside the tolerance, either way', () => {
      expect(verifyDelivery(spec, verifyKey, signed(spec, signKey, T - 301), T)).toMatchObject({ ok: false, step: 'stale-timestamp' });
      expect(verifyDelivery(spec, verifyKey, signed(spec, signKey, T + 301), T)).toMatchObject({ ok: false, step: 'future-timestamp' });
    });
  }
});

describe('deliveries signed with a time in a header (public-key message part, paypal)', () => {
  it('name the header that is missing or not a time', () => {
    const [, spec, signKey, verifyKey] = schemes[4]!;
    const d = signed(spec, signKey);
    delete d.headers['x-sig-time'];
    expect(verifyDelivery(spec, verifyKey, d, T)).toMatchObject({ ok: false, step: 'malformed-signature', reason: 'the x-sig-time header is missing: the signed message needs it' });
    const [, paypal, paypalSign, paypalVerify] = schemes[5]!;
    const p = signed(paypal, paypalSign);
    p.headers['paypal-transmission-time'] = 'yesterday';
    expect(verifyDelivery(paypal, paypalVerify, p, T)).toMatchObject({ ok: false, step: 'malformed-signature', reason: 'PAYPAL-TRANSMISSION-TIME is not a date-time' });
  });

  it('put fields-hmac signatures where signatureAt says, and find none elsewhere', () => {
    const [, spec, signKey, verifyKey] = schemes[3]!;
    const d = signed(spec, signKey);
    expect(JSON.parse(d.body)).toMatchObject({ id: 'evt_1', sig: { hmac: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) } });
    expect(verifyDelivery({ ...spec, signatureAt: '/other' }, verifyKey, d, T)).toMatchObject({ ok: false, step: 'missing-signature', place: 'body /other', reason: 'railgate looked for it in the body /other' });
    expect(verifyDelivery(spec, verifyKey, { ...d, body: 'id=evt_1' }, T)).toMatchObject({ ok: false, step: 'malformed-signature', reason: 'the body is not JSON: no signature can sit at /sig/hmac' });
  });
});

describe('rfc9421 deliveries', () => {
  const spec = schemes[2]![1];
  it('name an unknown key id, and a base that does not match', () => {
    expect(verifyDelivery(spec, { key: publicKey, keyId: 'k2' }, signed(spec, { key: privateKey, keyId: 'k1' }), T)).toMatchObject({ ok: false, step: 'unknown-key' });
    const other = generateKeyPairSync('ed25519').publicKey;
    const result = verifyDelivery(spec, { key: other, keyId: 'k1' }, signed(spec, { key: privateKey, keyId: 'k1' }), T);
    expect(result).toMatchObject({ ok: false, step: 'signature-mismatch' });
    expect(result.signed?.text).toMatch(/^"@method": POST\n"@target-uri": https:\/\/hooks.railgate.test\/webhooks\/p\n/);
  });
});

describe("railgate's receiver", () => {
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });
  const spec = schemes[0]![1];

  it('accepts a good delivery with 204, refuses a bad one with 401 and the step, and keeps both', async () => {
    receiver = await startReceiver({ path: '/webhooks/p', stages: [verificationStage(spec, { secret: Buffer.from('whsec') }, () => Math.floor(Date.now() / 1000))] });
    const post = async (key: WebhookKey) => {
      const d = { ...delivery(), url: receiver!.url };
      const headers = { ...d.headers, ...signDelivery(spec, key, d, Math.floor(Date.now() / 1000)).headers };
      return fetch(receiver!.url, { method: 'POST', headers, body: d.body });
    };
    expect((await post({ secret: Buffer.from('whsec') })).status).toBe(204);
    const refused = await post({ secret: Buffer.from('other') });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'signature-mismatch' });
    expect(receiver.deliveries().map((d) => [d.seq, d.status, d.refusal?.step])).toEqual([
      [1, 204, undefined],
      [2, 401, 'signature-mismatch'],
    ]);
    expect((await fetch(receiver.url.replace('/webhooks/p', '/elsewhere'), { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('waits for the next delivery, and gives up after the timeout', async () => {
    receiver = await startReceiver({ path: '/hook', stages: [] });
    expect(await receiver.next(0, 20)).toBeUndefined();
    const waiting = receiver.next(0, 2_000);
    await fetch(receiver.url, { method: 'POST', body: '{}' });
    expect(await waiting).toMatchObject({ seq: 1, status: 204, body: '{}' });
  });
});
