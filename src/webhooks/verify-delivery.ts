import { verifyBodyHmac, verifyMessage, verifyTimestampedWebhook } from '../auth/index.ts';
import type { SignatureAlgorithm, VerifyMessageStep } from '../auth/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';
import { coveredComponents, toleranceSeconds } from '../signer/index.ts';
import type { WebhookKey } from './keys.ts';
import type { DeliveryStep, DeliveryVerification, WebhookDelivery } from './model.ts';
import { DEFAULT_WEBHOOK_COMPONENTS, hmacHash } from './sign-delivery.ts';

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
 * Used by railgate's receiver and by `railgate webhook verify` alike, so both say the same thing.
 */
export function verifyDelivery(spec: WebhooksSpec, key: WebhookKey, delivery: WebhookDelivery, now: number): DeliveryVerification {
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
      const result = verifyBodyHmac({ body: delivery.body, signature: header, secrets: key.secret as Buffer, algorithm: hmacHash(spec), encoding: spec.encoding ?? 'hex', ...(spec.prefix === undefined ? {} : { prefix: spec.prefix }) });
      const signed = { kind: 'signed payload' as const, text: delivery.body };
      return result.ok ? { ok: true, signed } : { ok: false, step: result.step, reason: result.reason, signed };
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
    default:
      throw new Error(`webhook scheme ${spec.scheme} cannot sign or verify yet`);
  }
}
