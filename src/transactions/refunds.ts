import type { ExponentTable } from './currencies.ts';
import { formatMoney } from './money.ts';

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
