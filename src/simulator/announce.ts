import { getPointer, setPointer } from '../json/index.ts';
import { announces, eventTypeFor } from '../transactions/index.ts';
import type { ResolvedMovement } from '../transactions/index.ts';
import { resolveEventTime } from '../webhooks/index.ts';
import { pathFor } from './lifecycle.ts';
import type { StateChange } from './lifecycle.ts';
import type { SimulatorState } from './handlers.ts';
import type { WebhookSender } from './webhook-sender.ts';

/** Quirks that deliver a resource's event after its next one: legitimate, since partners promise no order (defects.ts QUIRKS). */
type HoldingQuirk = 'late-redelivery' | 'out-of-order-delivery';

/** Per resource, the release of its event a quirk holds back until the resource's next event has been delivered. */
const held = new WeakMap<object, () => void>();

/**
 * One state change as the partner's webhook: the event type the profile names for the new state (a state it
 * does not announce sends nothing), with the resource as it now is, dated where the partner dates its events
 * (`webhooks.eventTime`, else the contract's payload schema). Planted defects: `webhook-missing`
 * swallows the first change after creation; `webhook-amount-mismatch` announces the terminal state with one
 * minor unit more than was created (a fee netted in the callback); `webhook-wrong-type` announces each state
 * with another of the movement's event types (a refund that failed announced as refunded). Quirks:
 * `out-of-order-delivery` and `late-redelivery` deliver an event after the resource's next one.
 */
export function announce(state: SimulatorState, sender: WebhookSender, change: StateChange): void {
  const { movement: m, resource } = change;
  if (state.defects.has('webhook-missing') && change.index === 1) return;
  const type = typeOf(state, m, change.to);
  if (type === undefined) return;
  let data = resource;
  if (state.defects.has('webhook-amount-mismatch') && change.terminal && m.amountPointer) {
    data = structuredClone(resource);
    const amount = getPointer(data, m.amountPointer);
    if (typeof amount === 'number') setPointer(data, m.amountPointer, amount + 1);
  }
  // An earlier event of this resource held back until this one is delivered.
  const waiting = held.get(resource);
  held.delete(resource);
  const quirk = holdingQuirk(state, change);
  let release: (() => void) | undefined;
  const after = quirk ? new Promise<void>((resolve) => (release = resolve)) : undefined;
  const timeAt = resolveEventTime(state.partner.profile.webhooks, state.partner.contract).pointer;
  sender.emit(type, data, { ...(timeAt ? { timeAt } : {}), ...(after ? { after, firstLost: quirk === 'late-redelivery' } : {}), ...(waiting ? { onDelivered: waiting } : {}) });
  if (release) held.set(resource, release);
}

/**
 * The quirk that holds this change's event back, if one is planted for it: `out-of-order-delivery` the
 * initial state's, `late-redelivery` each intermediate state's. Only when the resource's path goes on to a
 * state the partner announces — the event that releases it is sure to come — so nothing is held for ever.
 */
function holdingQuirk(state: SimulatorState, change: StateChange): HoldingQuirk | undefined {
  const quirk: HoldingQuirk | undefined = change.index === 0 ? 'out-of-order-delivery' : change.terminal ? undefined : 'late-redelivery';
  if (quirk === undefined || !state.defects.has(quirk) || state.defects.has('stuck-pending')) return undefined;
  // Change n (the initial state is change 0) is followed by step n of the path, if the resource goes on.
  const next = pathFor(change.movement, change.resource)[change.index];
  return next !== undefined && announces(change.movement, next.to) ? quirk : undefined;
}

function typeOf(state: SimulatorState, m: ResolvedMovement, to: string): string | undefined {
  if (!m.events) return state.partner.profile.webhooks?.events?.find((e) => e.startsWith(`${m.key}.`)) ?? `${m.key}.status_changed`;
  const right = eventTypeFor(m, to);
  if (right === undefined || !state.defects.has('webhook-wrong-type')) return right;
  return m.events.types.find((t) => t !== right) ?? right;
}
