import { PAYPAL_AUTH_ALGO, PAYPAL_HEADERS, contentDigest, signBodyHmac, signFieldsHmac, signMessage, signTimestampedWebhook, signWithKey } from '../auth/index.ts';
import { parseJson, setPointer } from '../json/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';
import { coveredComponents } from '../signer/index.ts';
import { bodyHmacScheme, fieldsHmacScheme, keySignatureScheme, paypalDeliveryMessage, signedFields, signedMessage, timestampHeader, transmissionId, transmissionTime } from './delivery-message.ts';
import { keyObjectOf, type WebhookKey } from './keys.ts';
import type { SignedText, WebhookDelivery } from './model.ts';

export const DEFAULT_WEBHOOK_COMPONENTS = ['@method', '@target-uri', 'content-type', 'content-digest'];

/** A signed delivery: the headers to add (lower case), the body when the signature goes inside it, and what was signed. */
export interface SignedDelivery {
  headers: Record<string, string>;
  /** fields-hmac: the body with the signature at `signatureAt`; send this instead. */
  body?: string;
  signed: SignedText;
}

/** Signs a delivery as the partner would. */
export function signDelivery(spec: WebhooksSpec, key: WebhookKey, delivery: WebhookDelivery, at: number): SignedDelivery {
  const header = (spec.header ?? '').toLowerCase();
  switch (spec.scheme) {
    case 'timestamped': {
      const signed = signTimestampedWebhook({ body: delivery.body, secret: need(key.secret), timestamp: at });
      return { headers: { [header]: signed.header }, signed: { kind: 'signed payload', text: signed.signedPayload } };
    }
    case 'body-hmac': {
      const options = { body: delivery.body, secret: need(key.secret), ...bodyHmacScheme(spec) };
      const signed = signBodyHmac(options);
      return { headers: { [header]: signed.signature }, signed: { kind: 'signed payload', text: signed.signedPayload } };
    }
    case 'fields-hmac': {
      const body = parseJson(delivery.body);
      const signed = signFieldsHmac({ fields: signedFields(spec, body), secret: need(key.secret), ...fieldsHmacScheme(spec) });
      if (!setPointer(body, spec.signatureAt as string, signed.signature)) throw new Error(`the webhook body has no place for a signature at ${spec.signatureAt}`);
      return { headers: {}, body: JSON.stringify(body), signed: { kind: 'signed fields', text: signed.signedString } };
    }
    case 'public-key': {
      const stamp = timestampHeader(spec);
      const headers: Record<string, string> = stamp === undefined ? {} : { [stamp]: String(at) };
      const message = signedMessage(spec, { ...delivery, headers: { ...delivery.headers, ...headers } });
      return { headers: { ...headers, [header]: signWithKey({ ...keySignatureScheme(spec), message, key: keyObjectOf(key) }) }, signed: { kind: 'signed message', text: message } };
    }
    case 'paypal': {
      const headers = { [PAYPAL_HEADERS.transmissionId]: transmissionId(delivery.body, at), [PAYPAL_HEADERS.transmissionTime]: transmissionTime(at) };
      const message = paypalDeliveryMessage({ ...delivery, headers }, need(key.webhookId));
      const signature = signWithKey({ ...keySignatureScheme(spec), message, key: keyObjectOf(key) });
      return {
        headers: { ...headers, [PAYPAL_HEADERS.signature]: signature, [PAYPAL_HEADERS.algorithm]: PAYPAL_AUTH_ALGO, [PAYPAL_HEADERS.certUrl]: 'https://simulator.railgate.invalid/certs/webhook-signer' },
        signed: { kind: 'signed message', text: message },
      };
    }
    case 'rfc9421': {
      const headers: Record<string, string> = { ...delivery.headers, 'content-digest': contentDigest(delivery.body, spec.contentDigest ?? 'sha-256') };
      const alg = spec.algorithm as Parameters<typeof signMessage>[0]['alg'];
      const signed = signMessage({
        message: { ...delivery, headers },
        label: spec.label ?? 'sig1',
        components: coveredComponents(spec.components ?? DEFAULT_WEBHOOK_COMPONENTS, headers),
        params: { created: at, ...(key.keyId === undefined ? {} : { keyid: key.keyId }) },
        key: need(key.key),
        ...(alg === undefined ? {} : { alg }),
      });
      return {
        headers: { 'content-digest': headers['content-digest'] as string, 'signature-input': signed.signatureInput, signature: signed.signature },
        signed: { kind: 'signature base', text: signed.base },
      };
    }
  }
}

/** Adds a signed delivery's headers to the delivery and, when the signature travels inside it, replaces its body. */
export function applySigned(delivery: WebhookDelivery, signed: SignedDelivery): void {
  Object.assign(delivery.headers, signed.headers);
  if (signed.body !== undefined) delivery.body = signed.body;
}

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('no signing key for this webhook scheme here (partners signing with their own key publish only its public half)');
  return value;
}
