import { getPointer, setPointer } from '../json/index.ts';
import type { StateChange } from './lifecycle.ts';
import type { SimulatorState } from './handlers.ts';
import type { WebhookSender } from './webhook-sender.ts';

/**
 * One state change as the partner's webhook: the movement's event type with the resource as it now is.
 * Planted defects: `webhook-missing` swallows the first change after creation; `webhook-amount-mismatch`
 * announces the terminal state with one minor unit more than was created (a fee netted in the callback).
 */
export function announce(state: SimulatorState, sender: WebhookSender, change: StateChange): void {
  const { movement: m, resource } = change;
  if (state.defects.has('webhook-missing') && change.index === 1) return;
  const type = m.events?.types[0] ?? state.partner.profile.webhooks?.events?.find((e) => e.startsWith(`${m.key}.`)) ?? `${m.key}.status_changed`;
  let data = resource;
  if (state.defects.has('webhook-amount-mismatch') && change.terminal && m.amountPointer) {
    data = structuredClone(resource);
    const amount = getPointer(data, m.amountPointer);
    if (typeof amount === 'number') setPointer(data, m.amountPointer, amount + 1);
  }
  sender.emit(type, data);
}
