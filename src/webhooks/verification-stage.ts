import type { WebhooksSpec } from '../profile/index.ts';
import type { WebhookKey } from './keys.ts';
import { STEP_TITLES } from './model.ts';
import type { DeliveryStage } from './receiver.ts';
import { verifyDelivery } from './verify-delivery.ts';

/**
 * The receiver's first stage: a delivery that does not verify is refused with 401, as our production
 * receiver must. `now` is the run's clock in unix seconds, so scaled runs judge timestamps consistently.
 */
export function verificationStage(spec: WebhooksSpec, key: WebhookKey, now: () => number): DeliveryStage {
  return (delivery) => {
    const result = verifyDelivery(spec, key, delivery, now());
    return result.ok ? undefined : { status: 401, step: result.step, reason: `${STEP_TITLES[result.step]}: ${result.reason}` };
  };
}
