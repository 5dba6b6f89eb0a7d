import type { WebhookDelivery } from './model.ts';
import type { DeliveryStage } from './receiver.ts';

export interface Refusals {
  stage: DeliveryStage;
  /** The next delivery `match` accepts is answered `status` (a 5xx): the partner must redeliver it. */
  refuseNext(match: (delivery: WebhookDelivery) => boolean, status?: number): void;
}

/**
 * A receiver stage a check arms to play a merchant endpoint that is briefly down, so the partner's
 * redelivery (and railgate's deduplication of it) can be seen. Idle, it passes everything.
 */
export function refusalStage(): Refusals {
  const armed: Array<{ match: (d: WebhookDelivery) => boolean; status: number }> = [];
  return {
    stage(delivery) {
      const i = armed.findIndex((a) => a.match(delivery));
      if (i < 0) return undefined;
      const [hit] = armed.splice(i, 1);
      return { status: hit!.status, step: 'receiver-unavailable', reason: `railgate's receiver answered ${hit!.status} on purpose, to see the partner redeliver` };
    },
    refuseNext(match, status = 503) {
      armed.push({ match, status });
    },
  };
}
