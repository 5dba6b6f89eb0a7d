import { getPointer, setPointer } from '../json/index.ts';
import { eventTypeFor } from '../transactions/index.ts';
import type { ResolvedMovement } from '../transactions/index.ts';
import type { StateChange } from './lifecycle.ts';
import type { SimulatorState } from './handlers.ts';
import type { WebhookSender } from './webhook-sender.ts';

/**
 * One state change as the partner's webhook: the event type the profile names for the new state (a state it
 * does not announce sends nothing), with the resource as it now is. Planted defects: `webhook-missing`
 * swallows the first change after creation; `webhook-amount-mismatch` announces the terminal state with one
 * minor unit more than was created (a fee netted in the callback); `webhook-wrong-type` announces each state
 * with another of the movement's event types (a refund that failed announced as refunded).
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
  sender.emit(type, data);
}

function typeOf(state: SimulatorState, m: ResolvedMovement, to: string): string | undefined {
  if (!m.events) return state.partner.profile.webhooks?.events?.find((e) => e.startsWith(`${m.key}.`)) ?? `${m.key}.status_changed`;
  const right = eventTypeFor(m, to);
  if (right === undefined || !state.defects.has('webhook-wrong-type')) return right;
  return m.events.types.find((t) => t !== right) ?? right;
}
