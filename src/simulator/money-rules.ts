import type { Operation } from '../contract/index.ts';
import { getPointer } from '../json/index.ts';
import { movesNoMoney } from '../transactions/index.ts';
import type { ResolvedMovement } from '../transactions/index.ts';
import type { ResourceStore } from './store.ts';

/** What a child may still take of its parent, and why not when it asks for more. */
export interface Excess {
  code?: string;
  message: string;
}

const TAKES_REFUND = new Set(['refund', 'reversal']);

/**
 * A partner's ledger rule on a child's amount (pure over the store): a capture takes at most what is left of
 * its authorization; refunds and reversals together at most what was captured of their parent (its captures
 * that did not fail, or its own amount when the profile has no capture movement). Undefined: within the limit,
 * or not a movement with a limit. `over-refund` plants the defect of a partner that does not keep the rule.
 */
export function excessOf(movements: readonly ResolvedMovement[], store: ResourceStore, contractOps: ReadonlyMap<string, Operation>, op: Operation, body: unknown, defects: ReadonlySet<string>): Excess | undefined {
  const m = movements.find((x) => x.spec.create === op.id);
  const link = m?.spec.parent;
  if (!m || !link || !m.amountPointer || (m.movement !== 'capture' && !TAKES_REFUND.has(m.movement ?? ''))) return undefined;
  if (TAKES_REFUND.has(m.movement ?? '') && defects.has('over-refund')) return undefined;
  const amount = getPointer(body, m.amountPointer);
  const parentId = getPointer(body, link.pointer);
  const parentMovement = movements.find((x) => x.key === link.transaction);
  const parentOp = parentMovement && contractOps.get(parentMovement.spec.create);
  if (typeof amount !== 'number' || parentId === undefined || !parentMovement || !parentOp) return undefined;
  const parent = store.get(parentOp.path, String(parentId));
  if (!parent) return undefined;
  // Every child of the same parent that moved (or may still move) money, by kind.
  const taken = (kinds: (k: ResolvedMovement) => boolean): number =>
    movements
      .filter((c) => c.spec.parent?.transaction === link.transaction && c.amountPointer && kinds(c))
      .flatMap((c) => {
        const cop = contractOps.get(c.spec.create);
        return cop ? store.list(cop.path).filter((r) => String(getPointer(r, c.spec.parent!.pointer)) === String(parentId) && !movesNoMoney(c, getPointer(r, c.statePointer) as string | undefined)).map((r) => Number(getPointer(r, c.amountPointer!)) || 0) : [];
      })
      .reduce((a, b) => a + b, 0);
  const parentAmount = parentMovement.amountPointer ? Number(getPointer(parent, parentMovement.amountPointer)) : NaN;
  const isCapture = (c: ResolvedMovement): boolean => c.movement === 'capture';
  const capturesExist = movements.some((c) => c.spec.parent?.transaction === link.transaction && isCapture(c));
  const limit = m.movement === 'capture' ? parentAmount - taken(isCapture) : (capturesExist ? taken(isCapture) : parentAmount) - taken((c) => TAKES_REFUND.has(c.movement ?? ''));
  if (Number.isNaN(limit) || amount <= limit) return undefined;
  const what = m.movement === 'capture' ? 'authorized' : 'captured';
  return { ...(link.exceeds ? { code: link.exceeds } : {}), message: `${m.key} of ${amount} exceeds the ${Math.max(limit, 0)} left of what was ${what} on ${String(parentId)}` };
}

