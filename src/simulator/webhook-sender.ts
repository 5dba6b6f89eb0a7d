import { setMaxListeners } from 'node:events';
import { watchedConnector } from '../http/watched-connector.ts';
import { undici } from '../http/undici.ts';
import type { Clock } from '../clock/index.ts';
import type { Credentials } from '../credentials/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';
import type { Rng } from '../random/index.ts';
import { setPointer } from '../json/index.ts';
import { DELIVERY_TIMEOUT_MS, applySigned, forgedWebhookKey, redeliveryPlan, signDelivery, webhookEvent, webhookKeys } from '../webhooks/index.ts';
import { createHostCheck, unlessAborted } from './host-check.ts';

/** The simulator's outbound side: signed event deliveries to the merchant's webhook URLs. */
export interface WebhookSender {
  /** Sends one event about a resource to every target, in the background; redelivered until accepted. Returns the event id. */
  emit(type: string, resource: Record<string, unknown>, options?: EmitOptions): string;
  /** Gives up every delivery under way and every redelivery still waiting (the simulator closes), and waits for them to end. */
  flush(): Promise<void>;
}

/** How one event travels; by default it leaves at once, dated at /createdAt. */
export interface EmitOptions {
  /** JSON Pointer where the event's time goes (the partner's `webhooks.eventTime`), instead of /createdAt. */
  timeAt?: string;
  /**
   * Partners promise no order (quirks): the event is fixed now — id, time, payload — but its delivery waits
   * until this settles (another event delivered). `firstLost`: its first attempt was lost on the way, so
   * what arrives is a redelivery, after the partner's backoff.
   */
  after?: Promise<void>;
  firstLost?: boolean;
  /** Called once every target accepted the event or its deliveries ended. */
  onDelivered?: () => void;
}

export interface WebhookSenderOptions {
  spec: WebhooksSpec;
  credentials: Credentials;
  /**
   * Where an event goes, asked when it happens: the URLs registered through the partner's webhook-endpoint
   * operation, or the one URL configured out of band (railgate's receiver). Each gets its own deliveries.
   */
  targets: () => readonly string[];
  rng: Rng;
  /** The partner's time on the wire: each POST is signed at it and each event dated by it (the wall clock in a standalone simulator). */
  now: () => Date;
  /** `webhook-bad-signature`: sign with a key the receiver does not trust. */
  badSignature: boolean;
  /** Redelivery waits and each POST's deadline follow the run's clock (scaled), not `now`. */
  clock: Clock;
  /** Profile ms one delivery POST may take, on the clock (default 10 s): an unreachable or hung URL never holds the run. */
  attemptTimeoutMs?: number;
}


export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const { spec, rng, now } = options;
  const keys = webhookKeys(spec, options.credentials);
  const signing = keys.sign;
  if (!signing) throw new Error('the simulator needs the private half of the webhook key in its test credentials');
  const key = options.badSignature ? forgedWebhookKey(spec, signing) : signing;
  const pending = new Set<Promise<void>>();
  const closing = new AbortController();
  // One signal ends every delivery at close: as many listeners as deliveries in flight.
  setMaxListeners(0, closing.signal);
  const { attempts, backoffMs: backoff } = redeliveryPlan(spec);
  const timeoutMs = options.attemptTimeoutMs ?? DELIVERY_TIMEOUT_MS;
  const resolves = createHostCheck();
  // Its own connections, shown to the clock: a delivery on its way to railgate's receiver keeps virtual time still.
  let agentClosed: Promise<void> | undefined;
  const agent = new (undici().Agent)({ connect: watchedConnector(options.clock, { timeoutMs: timeoutMs }), headersTimeout: 0, bodyTimeout: 0 });
  /** One POST, signed at the time it leaves (a redelivery carries a fresh timestamp, as partners re-sign), with a deadline. */
  const post = async (url: string, body: string): Promise<boolean> => {
    const delivery = { method: 'POST', url, headers: { 'content-type': 'application/json' }, body };
    applySigned(delivery, signDelivery(spec, key, delivery, Math.floor(now().getTime() / 1000)));
    const timeout = new AbortController();
    options.clock.sleep(timeoutMs, timeout.signal).then(
      () => timeout.abort(new Error(`no answer within ${timeoutMs} ms`)),
      () => undefined,
    );
    try {
      const signal = AbortSignal.any([closing.signal, timeout.signal]);
      if (!(await unlessAborted(resolves(url), signal))) return false;
      const target = new URL(url);
      const res = await agent.request({ origin: target.origin, path: target.pathname + target.search, method: 'POST', headers: delivery.headers, body: delivery.body, signal });
      await res.body.arrayBuffer();
      return res.statusCode >= 200 && res.statusCode < 300;
    } catch {
      return false;
    } finally {
      timeout.abort();
    }
  };
  /** Delivers to one URL until it accepts, the attempts run out or the simulator closes; resolves then. */
  const deliver = (url: string, body: string, how: EmitOptions): Promise<void> => {
    const sent = (async () => {
      if (how.after) await untilClosed(how.after, closing.signal);
      // A lost first attempt counts as one: a partner documenting a single attempt still delivers it once.
      const first = how.firstLost && attempts > 1 ? 1 : 0;
      for (let n = first; n < attempts && !closing.signal.aborted; n++) {
        if (n > 0) await options.clock.sleep(backoff * 2 ** (n - 1), closing.signal);
        if (await post(url, body)) return;
      }
    })()
      // Closing gives up the waits; a URL that stays down is the checks' finding, not an error here.
      .catch(() => undefined)
      .finally(() => pending.delete(sent));
    pending.add(sent);
    return sent;
  };
  return {
    emit(type, resource, how = {}) {
      const id = `evt_${rng.alnum(16)}`;
      // The event is fixed when the state changes: every URL, and every redelivery, gets the same id and payload.
      const body = JSON.stringify(datedEvent(id, type, now(), structuredClone(resource), how.timeAt));
      const sent = options.targets().map((url) => deliver(url, body, how));
      if (how.onDelivered) void Promise.all(sent).then(how.onDelivered);
      return id;
    },
    async flush() {
      closing.abort(new Error('simulator closed'));
      await Promise.all([...pending]);
      // flush may be called again (a simulator closed twice): the agent closes once.
      agentClosed ??= agent.close();
      await agentClosed;
    },
  };
}

/**
 * The envelope, its time moved to where the partner dates its events when that is not /createdAt. A pointer
 * into the resource (`/data/createdAt`, found one level down) is when the resource began: it stays the resource's.
 */
function datedEvent(id: string, type: string, at: Date, data: Record<string, unknown>, timeAt: string | undefined): object {
  if (timeAt === undefined || timeAt === '/createdAt' || timeAt.startsWith('/data/')) return webhookEvent(id, type, at, data);
  const { createdAt, ...event } = webhookEvent(id, type, at, data);
  setPointer(event, timeAt, createdAt);
  return event;
}

/** Waits for `p`, or until the simulator closes (then the delivery is given up like every other). */
function untilClosed(p: Promise<void>, closing: AbortSignal): Promise<void> {
  if (closing.aborted) return Promise.reject(closing.reason);
  let stop = (): void => undefined;
  const closed = new Promise<void>((_, reject) => {
    stop = () => reject(closing.reason);
    closing.addEventListener('abort', stop, { once: true });
  });
  // The listener goes with the wait: a simulator holds many events back over a run.
  return Promise.race([p, closed]).finally(() => closing.removeEventListener('abort', stop));
}
