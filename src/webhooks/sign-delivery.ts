import { contentDigest, signBodyHmac, signMessage, signTimestampedWebhook } from '../auth/index.ts';
import type { HmacHash } from '../auth/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';
import { coveredComponents } from '../signer/index.ts';
import type { WebhookKey } from './keys.ts';
import type { SignedText, WebhookDelivery } from './model.ts';

export const DEFAULT_WEBHOOK_COMPONENTS = ['@method', '@target-uri', 'content-type', 'content-digest'];

/** Signs a delivery as the partner would; returns the headers to add (lower case) and what was signed. */
export function signDelivery(spec: WebhooksSpec, key: WebhookKey, delivery: WebhookDelivery, at: number): { headers: Record<string, string>; signed: SignedText } {
  const header = (spec.header ?? '').toLowerCase();
  switch (spec.scheme) {
    case 'timestamped': {
      const signed = signTimestampedWebhook({ body: delivery.body, secret: need(key.secret), timestamp: at });
      return { headers: { [header]: signed.header }, signed: { kind: 'signed payload', text: signed.signedPayload } };
    }
    case 'body-hmac': {
      const options = { body: delivery.body, secret: need(key.secret), algorithm: hmacHash(spec), encoding: spec.encoding ?? 'hex', ...(spec.prefix === undefined ? {} : { prefix: spec.prefix }) };
      const signed = signBodyHmac(options);
      return { headers: { [header]: signed.signature }, signed: { kind: 'signed payload', text: signed.signedPayload } };
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
    default:
      throw new Error(`webhook scheme ${spec.scheme} cannot sign or verify yet`);
  }
}

export function hmacHash(spec: WebhooksSpec): HmacHash {
  return spec.algorithm === 'sha512' ? 'sha512' : 'sha256';
}

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('no signing key for this webhook scheme here (RFC 9421 partners publish only their public key)');
  return value;
}
