import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhooksSpec } from '../profile/index.ts';
import { signDelivery, startReceiver, verificationStage, verifyDelivery } from './index.ts';
import type { WebhookDelivery, WebhookKey, WebhookReceiver } from './index.ts';

const T = 1_700_000_000;
const body = '{"id":"evt_1","type":"payout.status_changed","data":{"id":"po_1","amount":1500}}';
const delivery = (): WebhookDelivery => ({ method: 'POST', url: 'https://hooks.railgate.test/webhooks/p', headers: { 'content-type': 'application/json' }, body });
const { privateKey, publicKey } = generateKeyPairSync('ed25519');

const schemes: Array<[string, WebhooksSpec, WebhookKey, WebhookKey]> = [
  ['timestamped', { scheme: 'timestamped', header: 'P-Signature', secretEnv: 'S' }, { secret: Buffer.from('whsec') }, { secret: Buffer.from('whsec') }],
  ['body-hmac', { scheme: 'body-hmac', header: 'X-Hub-Signature-256', secretEnv: 'S', prefix: 'sha256=' }, { secret: Buffer.from('whsec') }, { secret: Buffer.from('whsec') }],
  ['rfc9421', { scheme: 'rfc9421', components: ['@method', '@target-uri', 'content-type', 'content-digest'], keyEnv: 'K', algorithm: 'ed25519' }, { key: privateKey, keyId: 'k1' }, { key: publicKey, keyId: 'k1' }],
];

function signed(spec: WebhooksSpec, key: WebhookKey, at = T): WebhookDelivery {
  const d = delivery();
  Object.assign(d.headers, signDelivery(spec, key, d, at).headers);
  return d;
}

describe.each(schemes)('%s deliveries', (_name, spec, signKey, verifyKey) => {
  it('verify when signed with the partner key, and say what was signed', () => {
    const result = verifyDelivery(spec, verifyKey, signed(spec, signKey), T + 10);
    expect(result.ok).toBe(true);
    expect(result.signed?.text).toContain(spec.scheme === 'rfc9421' ? '"@signature-params"' : body);
  });

  it('fail on a body changed after signing', () => {
    const d = signed(spec, signKey);
    d.body = d.body.replace('1500', '1600');
    expect(verifyDelivery(spec, verifyKey, d, T)).toMatchObject({ ok: false, step: spec.scheme === 'rfc9421' ? 'digest-mismatch' : 'signature-mismatch' });
  });

  it('fail without a signature', () => {
    expect(verifyDelivery(spec, verifyKey, delivery(), T)).toMatchObject({ ok: false, step: spec.scheme === 'rfc9421' ? 'missing-signature' : 'missing-signature' });
  });

  if (spec.scheme !== 'body-hmac') {
    it('fail with a timestamp outside the tolerance, either way', () => {
      expect(verifyDelivery(spec, verifyKey, signed(spec, signKey, T - 301), T)).toMatchObject({ ok: false, step: 'stale-timestamp' });
      expect(verifyDelivery(spec, verifyKey, signed(spec, signKey, T + 301), T)).toMatchObject({ ok: false, step: 'future-timestamp' });
    });
  }
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
