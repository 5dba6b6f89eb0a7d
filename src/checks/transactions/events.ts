import type { Clock } from '../../clock/index.ts';
import { getPointer } from '../../json/index.ts';
import type { ResolvedMovement } from '../../transactions/index.ts';
import type { ReceivedDelivery, WebhookReceiver } from '../../webhooks/index.ts';
import type { Observed } from '../../transactions/index.ts';

/** One accepted event about a transaction, as railgate's receiver kept it (redeliveries deduplicated). */
export interface TxEvent extends Observed {
  eventId: string;
  type?: string;
  payload: unknown;
  delivery: ReceivedDelivery;
}

/**
 * The accepted events about one transaction, in the order they happened: by the payload's `createdAt`
 * when it has one (a redelivery arrives late but happened early), else as they arrived.
 */
export function eventsFor(receiver: WebhookReceiver, m: ResolvedMovement, id: string): TxEvent[] {
  const ev = m.events;
  if (!ev) return [];
  const found: TxEvent[] = [];
  for (const d of receiver.events()) {
    if (d.eventType !== undefined && !ev.types.includes(d.eventType)) continue;
    let payload: unknown;
    try {
      payload = JSON.parse(d.body);
    } catch {
      continue;
    }
    if (String(getPointer(payload, ev.id)) !== id) continue;
    const state = getPointer(payload, ev.state);
    const eventId = d.eventId ?? `delivery #${d.seq}`;
    found.push({ eventId, ...(d.eventType ? { type: d.eventType } : {}), state: String(state), source: `${eventId} (${d.eventType ?? 'event'})`, payload, delivery: d });
  }
  const at = (e: TxEvent): number => Date.parse(String(getPointer(e.payload, '/createdAt'))) || 0;
  return found.map((e, i) => ({ e, i })).sort((a, b) => at(a.e) - at(b.e) || a.i - b.i).map(({ e }) => e);
}

/** `evt_1 PENDING, evt_2 COMPLETED`: what a failure message shows of the events. */
export function describeEvents(events: readonly TxEvent[]): string {
  return events.length === 0 ? 'no events' : events.map((e) => `${e.eventId} ${e.state}`).join(', ');
}

/**
 * Waits on the run's clock until the last event about the transaction shows `state`, or `timeoutMs`
 * (profile ms) passes; resolves with the events seen either way.
 */
export async function awaitEventState(ctx: { clock: Clock }, receiver: WebhookReceiver, m: ResolvedMovement, id: string, state: string | undefined, timeoutMs: number): Promise<TxEvent[]> {
  const until = ctx.clock.now() + timeoutMs;
  let seen = receiver.deliveries().at(-1)?.seq ?? 0;
  for (;;) {
    const events = eventsFor(receiver, m, id);
    if (state === undefined ? events.length > 0 : events.at(-1)?.state === state) return events;
    const left = until - ctx.clock.now();
    if (left <= 0) return events;
    const next = await receiver.next(seen, left);
    if (!next) return eventsFor(receiver, m, id);
    seen = next.seq;
  }
}
