import { PAYPAL_AUTH_ALGO, PAYPAL_HEADERS, verifyBodyHmac, verifyFieldsHmac, verifyMessage, verifyTimestampedWebhook, verifyWithKey } from '../auth/index.ts';
import type { KeySignatureVerification, SignatureAlgorithm, VerifyMessageStep } from '../auth/index.ts';
import { getPointer, parseJson } from '../json/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';
import { coveredComponents, toleranceSeconds } from '../signer/index.ts';
import { bodyHmacScheme, fieldsHmacScheme, keySignatureScheme, paypalDeliveryMessage, signaturePlace, signedFields, signedMessage, timestampHeader } from './delivery-message.ts';
import { keyObjectOf, type WebhookKey } from './keys.ts';
import type { DeliveryStep, DeliveryVerification, SignedText, WebhookDelivery } from './model.ts';
import { DEFAULT_WEBHOOK_COMPONENTS } from './sign-delivery.ts';

const RFC9421_STEPS: Record<VerifyMessageStep, DeliveryStep> = {
  'missing-signature': 'missing-signature',
  malformed: 'malformed-signature',
  'unsupported-algorithm': 'malformed-signature',
  expired: 'stale-timestamp',
  stale: 'stale-timestamp',
  'created-in-future': 'future-timestamp',
  'missing-parameter': 'malformed-signature',
  'missing-component': 'missing-component',
  'digest-mismatch': 'digest-mismatch',
  'unknown-key': 'unknown-key',
  'incompatible-key': 'unknown-key',
  'signature-mismatch': 'signature-mismatch',
};

/**
 * Verifies a delivery as the profile says the partner signs it (pure: `now` is given, unix seconds).
 * Used by railgate's receiver and by `railgate webhook verify` alike, so both say the same thing. A failure
 * names where the signature was looked for and carries the signature received, as found there.
 */
export function verifyDelivery(spec: WebhooksSpec, key: WebhookKey, delivery: WebhookDelivery, now: number): DeliveryVerification {
  const result = verifyByScheme(spec, key, delivery, now);
  if (result.ok) return result;
  const place = signaturePlace(spec);
  const received = receivedSignature(spec, delivery);
  const reason = result.step === 'missing-signature' ? `railgate looked for it in the ${place}` : result.reason;
  return { ...result, reason, place, ...(received === undefined ? {} : { received }) };
}

/** The signature as the delivery carries it where the profile says, or undefined. */
export function receivedSignature(spec: WebhooksSpec, delivery: WebhookDelivery): string | undefined {
  if (spec.scheme === 'fields-hmac') {
    const value = getPointer(parseJson(delivery.body), spec.signatureAt as string);
    return typeof value === 'string' ? value : undefined;
  }
  if (spec.scheme === 'paypal') return delivery.headers[PAYPAL_HEADERS.signature];
  if (spec.scheme === 'rfc9421') return delivery.headers.signature;
  return delivery.headers[(spec.header ?? '').toLowerCase()];
}

type SchemeVerification = { ok: true; signed: SignedText } | { ok: false; step: DeliveryStep; reason: string; signed?: SignedText };

function verifyByScheme(spec: WebhooksSpec, key: WebhookKey, delivery: WebhookDelivery, now: number): SchemeVerification {
  const tolerance = toleranceSeconds(spec.tolerance);
  const header = delivery.headers[(spec.header ?? '').toLowerCase()];
  switch (spec.scheme) {
    case 'timestamped': {
      const result = verifyTimestampedWebhook({ header, body: delivery.body, secrets: key.secret as Buffer, now, toleranceSeconds: tolerance });
      const t = header === undefined ? undefined : /(?:^|,)\s*t=(\d+)/.exec(header)?.[1];
      const signed = { kind: 'signed payload' as const, text: `${t ?? '<t>'}.${delivery.body}` };
      if (result.ok) return { ok: true, signed };
      const step: DeliveryStep = result.step === 'missing-header' ? 'missing-signature' : result.step === 'malformed-header' ? 'malformed-signature' : result.step;
      return { ok: false, step, reason: result.reason, signed };
    }
    case 'body-hmac': {
      const result = verifyBodyHmac({ body: delivery.body, signature: header, secrets: key.secret as Buffer, ...bodyHmacScheme(spec) });
      const signed = { kind: 'signed payload' as const, text: delivery.body };
      return result.ok ? { ok: true, signed } : { ok: false, step: result.step, reason: result.reason, signed };
    }
    case 'fields-hmac': {
      const body = parseJson(delivery.body);
      if (body === undefined) return { ok: false, step: 'malformed-signature', reason: `the body is not JSON: no signature can sit at ${spec.signatureAt}` };
      const result = verifyFieldsHmac({ fields: signedFields(spec, body), signature: receivedSignature(spec, delivery), secrets: key.secret as Buffer, ...fieldsHmacScheme(spec) });
      const signed = { kind: 'signed fields' as const, text: result.signedString };
      return result.ok ? { ok: true, signed } : { ok: false, step: result.step, reason: result.reason, signed };
    }
    case 'public-key': {
      const signed = { kind: 'signed message' as const, text: signedMessage(spec, delivery) };
      const stamp = timestampHeader(spec);
      if (stamp !== undefined && header) {
        const text = delivery.headers[stamp];
        if (text === undefined || !/^\d+$/.test(text.trim())) return { ok: false, step: 'malformed-signature', reason: `the ${stamp} header ${text === undefined ? 'is missing' : 'is not unix seconds'}: the signed message needs it`, signed };
        const late = timeProblem(Number(text), now, tolerance, 'signed');
        if (late) return { ...late, signed };
      }
      return keyVerdict(verifyWithKey({ ...keySignatureScheme(spec), message: signed.text, signature: header, key: keyObjectOf(key) }), signed);
    }
    case 'paypal': {
      const message = paypalDeliveryMessage(delivery, key.webhookId ?? '');
      const signed = { kind: 'signed message' as const, text: message };
      const missing = [PAYPAL_HEADERS.transmissionId, PAYPAL_HEADERS.transmissionTime].filter((h) => !delivery.headers[h]);
      if (delivery.headers[PAYPAL_HEADERS.signature] && missing.length > 0) return { ok: false, step: 'malformed-signature', reason: `no ${missing.map((h) => h.toUpperCase()).join(' or ')} header: the message cannot be built`, signed };
      const algo = delivery.headers[PAYPAL_HEADERS.algorithm];
      if (algo !== undefined && algo !== PAYPAL_AUTH_ALGO) return { ok: false, step: 'malformed-signature', reason: `PAYPAL-AUTH-ALGO is ${JSON.stringify(algo)}: railgate verifies ${PAYPAL_AUTH_ALGO} only`, signed };
      const time = transmittedAt(delivery.headers[PAYPAL_HEADERS.transmissionTime]);
      if (delivery.headers[PAYPAL_HEADERS.signature] && time === undefined) return { ok: false, step: 'malformed-signature', reason: 'PAYPAL-TRANSMISSION-TIME is not a date-time', signed };
      const late = time === undefined ? undefined : timeProblem(time, now, tolerance, 'transmitted');
      if (late) return { ...late, signed };
      return keyVerdict(verifyWithKey({ ...keySignatureScheme(spec), message, signature: delivery.headers[PAYPAL_HEADERS.signature], key: keyObjectOf(key) }), signed);
    }
    case 'rfc9421': {
      const required = coveredComponents(spec.components ?? DEFAULT_WEBHOOK_COMPONENTS, delivery.headers);
      const result = verifyMessage({
        message: delivery,
        resolveKey: (keyid) => (key.keyId === undefined || keyid === key.keyId ? { key: key.key as NonNullable<WebhookKey['key']>, ...(spec.algorithm ? { alg: spec.algorithm as SignatureAlgorithm } : {}) } : undefined),
        now,
        maxAgeSeconds: tolerance,
        clockSkewSeconds: tolerance,
        requiredComponents: delivery.body === '' ? required : [...new Set([...required, 'content-digest'])],
      });
      if (result.ok) return { ok: true, signed: { kind: 'signature base', text: result.base } };
      const signed = result.base === undefined ? undefined : { kind: 'signature base' as const, text: result.base };
      return { ok: false, step: RFC9421_STEPS[result.step], reason: result.reason, ...(signed ? { signed } : {}) };
    }
  }
}

function keyVerdict(result: KeySignatureVerification, signed: SignedText): SchemeVerification {
  if (result.ok) return { ok: true, signed };
  return { ok: false, step: result.step === 'incompatible-key' ? 'unknown-key' : result.step, reason: result.reason, signed };
}

/** A signed time beyond the tolerance either way, or undefined. */
function timeProblem(at: number, now: number, tolerance: number, verb: string): { ok: false; step: DeliveryStep; reason: string } | undefined {
  if (now - at > tolerance) return { ok: false, step: 'stale-timestamp', reason: `${verb} ${now - at} s ago, beyond the ${tolerance} s tolerance` };
  if (at - now > tolerance) return { ok: false, step: 'future-timestamp', reason: `${verb} ${at - now} s in the future, beyond the ${tolerance} s tolerance` };
  return undefined;
}

/** Unix seconds of an RFC 3339 date-time, or undefined. */
function transmittedAt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
