import type { Credentials } from '../credentials/index.ts';
import { foreignKey, foreignSecret } from '../credentials/index.ts';
import type { SignatureAlgorithm } from '../auth/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';
import type { Rng } from '../random/index.ts';
import { signDelivery, webhookEvent, webhookKeys } from '../webhooks/index.ts';
import type { WebhookKey } from '../webhooks/index.ts';

/** The simulator's outbound side: signed event deliveries to the harness's receiver. */
export interface WebhookSender {
  /** Sends one event about a resource, in the background. */
  emit(type: string, resource: Record<string, unknown>): void;
  /** Waits for every delivery under way (the simulator closes only after them). */
  flush(): Promise<void>;
}

export interface WebhookSenderOptions {
  spec: WebhooksSpec;
  credentials: Credentials;
  /** Where deliveries go: the harness's receiver. */
  url: string;
  rng: Rng;
  now: () => Date;
  /** `webhook-bad-signature`: sign with a key the receiver does not trust. */
  badSignature: boolean;
}

/** A key of the right kind the partner's receivers do not know, for the planted defect. */
function wrongKey(spec: WebhooksSpec, key: WebhookKey): WebhookKey {
  if (spec.scheme !== 'rfc9421') return { secret: foreignSecret() };
  return { key: foreignKey((spec.algorithm ?? 'ed25519') as SignatureAlgorithm), ...(key.keyId === undefined ? {} : { keyId: key.keyId }) };
}

export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const { spec, url, rng, now } = options;
  const keys = webhookKeys(spec, options.credentials);
  const signing = keys.sign;
  if (!signing) throw new Error('the simulator needs the private half of the webhook key in its test credentials');
  const key = options.badSignature ? wrongKey(spec, signing) : signing;
  const pending = new Set<Promise<void>>();
  return {
    emit(type, resource) {
      const at = now();
      const body = JSON.stringify(webhookEvent(`evt_${rng.alnum(16)}`, type, at, resource));
      const delivery = { method: 'POST', url, headers: { 'content-type': 'application/json' }, body };
      const signed = signDelivery(spec, key, delivery, Math.floor(at.getTime() / 1000));
      const sent = fetch(url, { method: 'POST', headers: { ...delivery.headers, ...signed.headers }, body })
        .then(async (res) => {
          await res.arrayBuffer();
        })
        // A receiver that is gone is the harness's business: the partner does not retry in the simulator.
        .catch(() => undefined)
        .finally(() => pending.delete(sent));
      pending.add(sent);
    },
    async flush() {
      await Promise.all([...pending]);
    },
  };
}
