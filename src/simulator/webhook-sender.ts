import type { Clock } from '../clock/index.ts';
import type { Credentials } from '../credentials/index.ts';
import { foreignKey, foreignSecret } from '../credentials/index.ts';
import type { SignatureAlgorithm } from '../auth/index.ts';
import { parseDuration } from '../profile/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';
import type { Rng } from '../random/index.ts';
import { signDelivery, webhookEvent, webhookKeys } from '../webhooks/index.ts';
import type { WebhookKey } from '../webhooks/index.ts';

/** The simulator's outbound side: signed event deliveries to the harness's receiver. */
export interface WebhookSender {
  /** Sends one event about a resource, in the background; redelivered until accepted. Resolves to the event id. */
  emit(type: string, resource: Record<string, unknown>): string;
  /** Waits for every delivery under way, and gives up redeliveries still waiting (the simulator closes). */
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
  /** Redelivery waits run on the run's clock. */
  clock: Clock;
}

/** Partners commonly document a handful of attempts with doubling waits (Stripe: 3 days; PIX PSPs: minutes). */
const DEFAULT_ATTEMPTS = 5;
const DEFAULT_BACKOFF = '2s';

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
  const closing = new AbortController();
  const attempts = spec.redelivery?.attempts ?? DEFAULT_ATTEMPTS;
  const backoff = parseDuration(spec.redelivery?.backoff ?? DEFAULT_BACKOFF);
  /** One POST, signed at the time it leaves (a redelivery carries a fresh timestamp, as partners re-sign). */
  const post = async (body: string): Promise<boolean> => {
    const delivery = { method: 'POST', url, headers: { 'content-type': 'application/json' }, body };
    const signed = signDelivery(spec, key, delivery, Math.floor(now().getTime() / 1000));
    try {
      const res = await fetch(url, { method: 'POST', headers: { ...delivery.headers, ...signed.headers }, body, signal: closing.signal });
      await res.arrayBuffer();
      return res.status >= 200 && res.status < 300;
    } catch {
      return false;
    }
  };
  return {
    emit(type, resource) {
      const id = `evt_${rng.alnum(16)}`;
      // The event is fixed when the state changes: redeliveries resend the same id and payload.
      const body = JSON.stringify(webhookEvent(id, type, now(), structuredClone(resource)));
      const sent = (async () => {
        for (let n = 0; n < attempts && !closing.signal.aborted; n++) {
          if (n > 0) await options.clock.sleep(backoff * 2 ** (n - 1), closing.signal);
          if (await post(body)) return;
        }
      })()
        // Closing gives up the waits; a receiver that stays down is the checks' finding, not an error here.
        .catch(() => undefined)
        .finally(() => pending.delete(sent));
      pending.add(sent);
      return id;
    },
    async flush() {
      closing.abort(new Error('simulator closed'));
      await Promise.all([...pending]);
    },
  };
}
