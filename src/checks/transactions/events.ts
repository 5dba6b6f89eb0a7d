import type { Clock } from '../../clock/index.ts';
import { getPointer } from '../../json/index.ts';
import type { Partner } from '../../partner/index.ts';
import { announces, furthestEvent, judgeStates, orderEvents } from '../../transactions/index.ts';
import type { DatedObserved, ResolvedMovement } from '../../transactions/index.ts';
import { resolveEventTime } from '../../webhooks/index.ts';
import type { EventTime, ReceivedDelivery, WebhookReceiver } from '../../webhooks/index.ts';

/** One accepted event about a transaction, as railgate's receiver kept it (redeliveries deduplicated). */
export interface TxEvent extends DatedObserved {
  eventId: string;
  type?: string;
  payload: unknown;
  delivery: ReceivedDelivery;
  /** It arrived after this event, which happened later (partners promise no order): recorded, never a regression. */
  lateAfter?: TxEvent;
}

/** Where the partner dates its events: profile `webhooks.eventTime`, else its contract's payload schema (detected once per contract). */
export function eventTimeOf(partner: Partner): EventTime {
  return resolveEventTime(partner.profile.webhooks, partner.contract);
}

/**
 * The accepted events about one transaction, in the order they happened: by the partner's own time (a
 * redelivery arrives late but happened early), then by the machine, then as they arrived (`orderEvents`).
 */
export function eventsFor(partner: Partner, receiver: WebhookReceiver, m: ResolvedMovement, id: string): TxEvent[] {
  const ev = m.events;
  if (!ev) return [];
  const { pointer } = eventTimeOf(partner);
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
    const at = pointer === undefined ? undefined : timeOf(getPointer(payload, pointer));
    found.push({ eventId, ...(d.eventType ? { type: d.eventType } : {}), state: String(state), source: `${eventId} (${d.eventType ?? 'event'})`, ...(at === undefined ? {} : { at }), payload, delivery: d });
  }
  return orderEvents(m.machine, found);
}

/** An event's time as a number that orders: an ISO 8601 date-time, or a number (unix seconds or ms) as is. */
function timeOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `late: arrived after evt_3 COMPLETED`, for an event that came after one that happened later; else undefined. */
export function lateNote(e: TxEvent): string | undefined {
  return e.lateAfter ? `late: arrived after ${e.lateAfter.eventId} ${e.lateAfter.state}` : undefined;
}

/** `evt_1 PENDING, evt_2 PROCESSING (late: arrived after evt_3 COMPLETED), evt_3 COMPLETED`: what a message shows of the events. */
export function describeEvents(events: readonly TxEvent[]): string {
  if (events.length === 0) return 'no events';
  return events.map((e) => `${e.eventId} ${e.state}${e.lateAfter ? ` (${lateNote(e)})` : ''}`).join(', ');
}

/** What the webhooks check waits for: the state the reads ended in (that the partner announces), and every state they saw. */
export interface AwaitedStory {
  state: string | undefined;
  readStates: readonly string[];
}

/**
 * Waits on the run's clock until the events about the transaction tell its story up to `want.state`, or
 * `timeoutMs` (profile ms) passes; resolves with the events seen either way. A late or redelivered event
 * may still be on its way after a later one arrived, so the furthest state alone is not the whole story.
 */
export async function awaitEvents(ctx: { clock: Clock; partner: Partner }, receiver: WebhookReceiver, m: ResolvedMovement, id: string, want: AwaitedStory, timeoutMs: number): Promise<TxEvent[]> {
  const until = ctx.clock.now() + timeoutMs;
  let seen = receiver.deliveries().at(-1)?.seq ?? 0;
  for (;;) {
    const events = eventsFor(ctx.partner, receiver, m, id);
    if (storyTold(m, events, want)) return events;
    const left = until - ctx.clock.now();
    if (left <= 0) return events;
    const next = await receiver.next(seen, left);
    if (!next) return eventsFor(ctx.partner, receiver, m, id);
    seen = next.seq;
  }
}

/**
 * Whether the events (ordered) tell the story up to `want.state` with nothing missing that a late event could
 * still bring (pure): the furthest event shows it, every announced state the reads saw has its event, and —
 * when every change is announced — no change from the initial state on lacks one.
 */
export function storyTold(m: ResolvedMovement, events: readonly TxEvent[], want: AwaitedStory): boolean {
  if (events.length === 0) return false;
  if (want.state !== undefined && furthestEvent(m.machine, events)?.state !== want.state) return false;
  const announced = new Set(events.map((e) => e.state));
  if (want.readStates.some((s) => announces(m, s) && !announced.has(s))) return false;
  if (m.events?.on !== undefined || !m.machine) return true;
  return judgeStates(m.machine, events, { every: true }).every((f) => f.kind !== 'not-initial' && f.kind !== 'skipped-state');
}
