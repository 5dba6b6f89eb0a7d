import { parseDuration } from '../profile/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';

/** Partners commonly document a handful of attempts with doubling waits (Stripe: 3 days; PIX PSPs: minutes). */
const DEFAULT_ATTEMPTS = 5;
const DEFAULT_BACKOFF = '2s';
/** A merchant endpoint that does not answer in 10 s is down, as partners judge it. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** How a partner redelivers an event its receiver refused (profile `webhooks.redelivery`), in profile ms. */
export interface RedeliveryPlan {
  attempts: number;
  /** The wait before the first redelivery; each next one waits twice as long. */
  backoffMs: number;
  /** From the first attempt to the start of the last one, when every attempt is refused at once. */
  lastAttemptAfterMs: number;
}

export function redeliveryPlan(spec: Pick<WebhooksSpec, 'redelivery'> | undefined): RedeliveryPlan {
  const attempts = spec?.redelivery?.attempts ?? DEFAULT_ATTEMPTS;
  const backoffMs = parseDuration(spec?.redelivery?.backoff ?? DEFAULT_BACKOFF);
  return { attempts, backoffMs, lastAttemptAfterMs: backoffMs * (2 ** Math.max(0, attempts - 1) - 1) };
}
