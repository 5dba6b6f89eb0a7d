import type { ExponentTable } from './currencies.ts';
import { formatMoney } from './money.ts';
import { captureFor, isRefund, movesNoMoney } from './movements.ts';
import type { ResolvedMovement } from './movements.ts';

/** A refund (capture, reversal …) as the partner reports it, against its parent. */
export interface ChildAmount {
  id: string;
  parentId: string;
  amount: number;
  currency: string;
  /** Failed children move no money and do not count. */
  counts: boolean;
}

/** Parents whose children add up to more than the parent's amount (pure): each finding names the ids. */
export function judgeRefundTotals(parents: ReadonlyMap<string, { amount: number; currency: string }>, children: readonly ChildAmount[], table: ExponentTable): string[] {
  const byParent = new Map<string, ChildAmount[]>();
  for (const c of children.filter((c) => c.counts)) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
  const findings: string[] = [];
  for (const [parentId, kids] of byParent) {
    const parent = parents.get(parentId);
    if (!parent) continue;
    const other = kids.find((k) => k.currency !== parent.currency);
    if (other) findings.push(`${other.id} is in ${other.currency}, its parent ${parentId} in ${parent.currency}`);
    const total = kids.reduce((sum, k) => sum + k.amount, 0);
    if (total > parent.amount) {
      findings.push(`${parentId}: ${kids.map((k) => k.id).join(' + ')} total ${formatMoney({ amount: total, currency: parent.currency }, table)}, more than the ${formatMoney(parent, table)} captured`);
    }
  }
  return findings;
}

/** One transaction as railgate knows it after the fact: what it is, what it applies to, its money and last state. */
export interface MovementRecord {
  movement: ResolvedMovement;
  id: string;
  /** The parent's id, for captures, refunds, voids. */
  parentId?: string;
  amount?: unknown;
  currency?: unknown;
  state?: string;
}

/** What one parent's children moved, in minor units. */
export interface ParentLedger {
  /** Its captures that moved money (or may still: pending ones count). */
  captures: number;
  /** What refunds may add up to: `captures` when the profile has a capture movement for the parent, else the parent's own amount. */
  captured?: number;
  /** Its refunds and reversals that moved money (or may still). */
  refunded: number;
}

/**
 * The ledger of one parent (pure), from its children's records: the one definition of "captured" the
 * simulator's refusal and the refund-totals judges share. Captures and voids are never refunds.
 */
export function ledgerOf(movements: readonly ResolvedMovement[], parent: MovementRecord, children: readonly MovementRecord[]): ParentLedger {
  const moved = (which: (m: ResolvedMovement) => boolean): number =>
    children.filter((r) => r.parentId === parent.id && which(r.movement) && typeof r.amount === 'number' && !movesNoMoney(r.movement, r.state)).reduce((sum, r) => sum + (r.amount as number), 0);
  const captures = moved((m) => m.movement === 'capture');
  const captured = captureFor(movements, parent.movement.key) ? captures : typeof parent.amount === 'number' ? parent.amount : undefined;
  return { captures, ...(captured === undefined ? {} : { captured }), refunded: moved(isRefund) };
}

/**
 * Refund totals over a set of transactions (pure): refunds and reversals that moved money, summed per parent,
 * against what was captured of it (ledgerOf).
 */
export function refundTotalFindings(movements: readonly ResolvedMovement[], records: readonly MovementRecord[], table: ExponentTable): string[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const children: ChildAmount[] = records
    .filter((r) => isRefund(r.movement) && r.parentId !== undefined && typeof r.amount === 'number' && typeof r.currency === 'string')
    .map((r) => ({ id: r.id, parentId: r.parentId!, amount: r.amount as number, currency: r.currency as string, counts: !movesNoMoney(r.movement, r.state) }));
  const parents = new Map<string, { amount: number; currency: string }>();
  for (const parentId of new Set(children.map((c) => c.parentId))) {
    const parent = byId.get(parentId);
    if (!parent || typeof parent.currency !== 'string') continue;
    const { captured } = ledgerOf(movements, parent, records);
    if (captured !== undefined) parents.set(parentId, { amount: captured, currency: parent.currency });
  }
  return judgeRefundTotals(parents, children, table);
}
