import { createHash } from 'node:crypto';
import { PAYPAL_HEADERS, paypalMessage } from '../auth/index.ts';
import type { BodyHmacScheme, FieldsHmacScheme, HmacHash, KeySignatureScheme, SignedField } from '../auth/index.ts';
import { getPointer } from '../json/index.ts';
import { keyPairAlgorithm } from '../profile/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';
import type { WebhookDelivery } from './model.ts';

/**
 * fields-hmac: each pointer's value as the partner signs it. A missing field signs as the empty text (Adyen's
 * libraries sign an absent originalReference as ''); a number or boolean as its JSON text.
 */
export function signedFields(spec: WebhooksSpec, body: unknown): SignedField[] {
  return (spec.fields ?? []).map((pointer) => {
    const value = getPointer(body, pointer);
    if (value === undefined || value === null) return '';
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
  });
}

/** public-key: the signed message, its parts joined by the separator (default: the raw body alone). */
export function signedMessage(spec: WebhooksSpec, delivery: WebhookDelivery): string {
  const parts = spec.message ?? ['body'];
  return parts.map((p) => (p === 'body' ? delivery.body : 'text' in p ? p.text : (delivery.headers[('header' in p ? p.header : p.timestamp).toLowerCase()] ?? ''))).join(spec.separator ?? '.');
}

/** public-key: the header carrying the signed unix time, when the message signs one. */
export function timestampHeader(spec: WebhooksSpec): string | undefined {
  const part = spec.message?.find((p): p is { timestamp: string } => typeof p === 'object' && 'timestamp' in p);
  return part?.timestamp.toLowerCase();
}

/** The HMAC schemes' hash: sha512 when the profile says so, else sha256. */
function hmacHash(spec: WebhooksSpec): HmacHash {
  return spec.algorithm === 'sha512' ? 'sha512' : 'sha256';
}

/** body-hmac: the scheme options of src/auth, from the profile. */
export function bodyHmacScheme(spec: WebhooksSpec): BodyHmacScheme {
  return { algorithm: hmacHash(spec), encoding: spec.encoding ?? 'hex', ...(spec.prefix === undefined ? {} : { prefix: spec.prefix }) };
}

/** fields-hmac: the scheme options of src/auth, from the profile. */
export function fieldsHmacScheme(spec: WebhooksSpec): FieldsHmacScheme {
  return { separator: spec.separator ?? ':', algorithm: hmacHash(spec), encoding: spec.encoding ?? 'base64' };
}

/** public-key and paypal: the scheme options of src/auth, from the profile. */
export function keySignatureScheme(spec: WebhooksSpec): KeySignatureScheme {
  if (spec.scheme === 'paypal') return { algorithm: 'rsa-sha256', encoding: 'base64' };
  return {
    algorithm: keyPairAlgorithm(spec),
    encoding: spec.encoding ?? 'base64',
    ...(spec.prefix === undefined ? {} : { prefix: spec.prefix }),
    ...(spec.ecdsaSignature === undefined ? {} : { ecdsaSignature: spec.ecdsaSignature }),
  };
}

/** paypal: the message of a received delivery, from its headers. */
export function paypalDeliveryMessage(delivery: WebhookDelivery, webhookId: string): string {
  return paypalMessage({
    transmissionId: delivery.headers[PAYPAL_HEADERS.transmissionId] ?? '',
    transmissionTime: delivery.headers[PAYPAL_HEADERS.transmissionTime] ?? '',
    webhookId,
    body: delivery.body,
  });
}

/** paypal: a transmission id fixed by what is sent and when (a seeded run stays the same run), shaped like PayPal's. */
export function transmissionId(body: string, at: number): string {
  const h = createHash('sha256').update(`${at}\n${body}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** paypal: PAYPAL-TRANSMISSION-TIME as PayPal writes it, to the second. */
export function transmissionTime(at: number): string {
  return new Date(at * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Where the scheme carries its signature, for people: `header X-Signature` or `body /additionalData/hmacSignature`. */
export function signaturePlace(spec: WebhooksSpec): string {
  if (spec.scheme === 'fields-hmac') return `body ${spec.signatureAt ?? ''}`;
  if (spec.scheme === 'paypal') return 'header PAYPAL-TRANSMISSION-SIG';
  if (spec.scheme === 'rfc9421') return 'headers Signature and Signature-Input';
  return `header ${spec.header ?? ''}`;
}
