import type { Operation } from '../contract/index.ts';
import { getPointer } from '../json/index.ts';
import { isRefund, ledgerOf } from '../transactions/index.ts';
import type { MovementRecord, ResolvedMovement } from '../transactions/index.ts';
import type { ResourceStore } from './store.ts';

/** What a child may still take of its parent, and why not when it asks for more. */
export interface Excess {
  code?: string;
  message: string;
}

/**
 * A partner's ledger rule on a child's amount (pure over the store): a capture takes at most what is left of
 * its authorization; refunds and reversals together at most what was captured of their parent (ledgerOf, the
 * rule the refund-totals check judges by). Undefined: within the limit, or not a movement with a limit.
 * `over-refund` plants the defect of a partner that does not keep the rule for refunds.
 */
export function excessOf(movements: readonly ResolvedMovement[], store: ResourceStore, contractOps: ReadonlyMap<string, Operation>, op: Operation, body: unknown, defects: ReadonlySet<string>): Excess | undefined {
  const m = movements.find((x) => x.spec.create === op.id);
  const link = m?.spec.parent;
  if (!m || !link || !m.amountPointer || (m.movement !== 'capture' && !isRefund(m))) return undefined;
  if (isRefund(m) && defects.has('over-refund')) return undefined;
  const amount = getPointer(body, m.amountPointer);
  const parentId = getPointer(body, link.pointer);
  const parentMovement = movements.find((x) => x.key === link.transaction);
  const parentOp = parentMovement && contractOps.get(parentMovement.spec.create);
  if (typeof amount !== 'number' || parentId === undefined || !parentMovement || !parentOp) return undefined;
  const stored = store.get(parentOp.path, String(parentId));
  if (!stored) return undefined;
  const parent: MovementRecord = { movement: parentMovement, id: String(parentId), ...(parentMovement.amountPointer ? { amount: getPointer(stored, parentMovement.amountPointer) } : {}) };
  const ledger = ledgerOf(movements, parent, childrenOf(movements, store, contractOps, parent));
  const limit = m.movement === 'capture' ? (typeof parent.amount === 'number' ? parent.amount - ledger.captures : undefined) : ledger.captured === undefined ? undefined : ledger.captured - ledger.refunded;
  if (limit === undefined || amount <= limit) return undefined;
  const what = m.movement === 'capture' ? 'authorized' : 'captured';
  return { ...(link.exceeds ? { code: link.exceeds } : {}), message: `${m.key} of ${amount} exceeds the ${Math.max(limit, 0)} left of what was ${what} on ${parent.id}` };
}

/** Every stored child (capture, refund, void …) of one parent, as records with its amount and state. */
function childrenOf(movements: readonly ResolvedMovement[], store: ResourceStore, contractOps: ReadonlyMap<string, Operation>, parent: MovementRecord): MovementRecord[] {
  return movements.flatMap((c) => {
    const link = c.spec.parent;
    const cop = contractOps.get(c.spec.create);
    if (link?.transaction !== parent.movement.key || !cop) return [];
    return store
      .list(cop.path)
      .filter((r) => String(getPointer(r, link.pointer)) === parent.id)
      .map((r) => {
        const state = getPointer(r, c.statePointer);
        return { movement: c, id: String(getPointer(r, c.idPointer)), parentId: parent.id, ...(c.amountPointer ? { amount: getPointer(r, c.amountPointer) } : {}), ...(typeof state === 'string' ? { state } : {}) };
      });
  });
}
