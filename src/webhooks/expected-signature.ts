import { signBodyHmac, signFieldsHmac, signTimestampedWebhook, signWithKey } from '../auth/index.ts';
import { parseJson } from '../json/index.ts';
import { isHmacScheme } from '../profile/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';
import { bodyHmacScheme, fieldsHmacScheme, keySignatureScheme, paypalDeliveryMessage, signedFields, signedMessage } from './delivery-message.ts';
import { keyObjectOf, type WebhookKeys } from './keys.ts';
import type { WebhookDelivery } from './model.ts';

/** What railgate would have put where the partner's signature is, or why it cannot say. */
export interface ExpectedSignature {
  value?: string;
  note?: string;
}

/**
 * The signature railgate computes for a received delivery, to print beside the received one (pure). HMAC schemes
 * are computed with the shared secret, at the delivery's own timestamp; key-pair schemes only where railgate holds
 * the private key (the simulator's test credentials), and only deterministic algorithms give a value to compare.
 */
export function expectedSignature(spec: WebhooksSpec, keys: WebhookKeys, delivery: WebhookDelivery): ExpectedSignature {
  const sign = keys.sign;
  if (isHmacScheme(spec)) {
    const secret = sign?.secret as Buffer;
    if (spec.scheme === 'timestamped') {
      const t = /(?:^|,)\s*t=(\d+)/.exec(delivery.headers[(spec.header ?? '').toLowerCase()] ?? '')?.[1];
      const value = signTimestampedWebhook({ body: delivery.body, secret, timestamp: Number(t ?? 0) }).header;
      return t === undefined ? { value, note: 'the delivery names no t=: computed at t=0' } : { value };
    }
    if (spec.scheme === 'body-hmac') return { value: signBodyHmac({ body: delivery.body, secret, ...bodyHmacScheme(spec) }).signature };
    return { value: signFieldsHmac({ fields: signedFields(spec, parseJson(delivery.body)), secret, ...fieldsHmacScheme(spec) }).signature };
  }
  if (spec.scheme === 'rfc9421') return { note: 'compare the signature base above with the one the partner signed' };
  if (!sign?.key) return { note: `only the partner's private key makes it; the received one was checked against the public key from ${keys.source ?? 'the profile'}` };
  const scheme = keySignatureScheme(spec);
  const alg = scheme.algorithm ?? 'rsa-sha256';
  if (alg.startsWith('rsa-pss') || alg.startsWith('ecdsa')) return { note: `${alg} signatures are randomised: each signing differs, only verification compares them` };
  const message = spec.scheme === 'paypal' ? paypalDeliveryMessage(delivery, sign.webhookId ?? '') : signedMessage(spec, delivery);
  return { value: signWithKey({ ...scheme, message, key: keyObjectOf(sign) }) };
}
