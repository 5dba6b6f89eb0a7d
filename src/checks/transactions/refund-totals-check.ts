import { extractPartnerCode } from '../../errors/index.ts';
import type { Exchange } from '../../http/index.ts';
import { getPointer, setPointer } from '../../json/index.ts';
import { currencyExponents, formatMoney, isRefund, ledgerOf, refundTotalFindings, resolveMovements } from '../../transactions/index.ts';
import type { MovementRecord, ResolvedMovement } from '../../transactions/index.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import type { CheckContext } from '../model.ts';
import { attemptTransaction, createTransaction, settleForRefund } from './create.ts';
import type { CreatedTx } from './create.ts';
import { followTransaction } from './follow.ts';

/** Whether a movement is one the refund-totals check applies to: a refund or reversal of a parent, with an amount. */
export function refundsAParent(m: ResolvedMovement): boolean {
  return isRefund(m) && m.spec.parent !== undefined && m.amountPointer !== undefined;
}

/**
 * Refund totals never exceed the captured amount (issue 7), live: a parent is created and captured in full
 * (or settled, when it has no capture), then refunded in three parts — half, one minor unit more than what is
 * left, and exactly what is left. A correct partner refuses the middle one (or fails it) and settles the other
 * two; what the partner then reads back for every refund must not add up to more than was captured.
 */
export async function checkRefundTotals(ctx: CheckContext, m: ResolvedMovement): Promise<void> {
  const link = m.spec.parent!;
  const movements = resolveMovements(ctx.partner.profile);
  const parentMovement = movements.find((p) => p.key === link.transaction);
  if (!parentMovement) throw new CheckFailure(`transactions.${m.key}.parent names ${link.transaction}, which is not in transactions`, { kind: 'configuration' });
  const parent = await createTransaction(ctx, parentMovement);
  const money = parentMoney(parent, m);
  const parentRecord: MovementRecord = { movement: parentMovement, id: parent.id, amount: money.amount, currency: money.currency };
  const records: MovementRecord[] = [parentRecord];
  const settled = await settleForRefund(ctx, parent);
  if (settled.capture) records.push({ movement: settled.capture.movement, id: settled.capture.id, parentId: parent.id, amount: money.amount, currency: money.currency, ...(settled.state ? { state: settled.state } : {}) });
  const table = currencyExponents();
  const show = (amount: number): string => formatMoney({ amount, currency: money.currency }, table);
  const half = Math.max(1, Math.floor(money.amount / 2));
  const rest = money.amount - half;
  const problems: string[] = [];
  const refund = async (amount: number, why: string): Promise<CreatedTx | Exchange> => {
    const made = await ctx.report.step(`refund ${show(amount)} of ${parent.id}: ${why}`, () => attemptTransaction(ctx, m, childBody(m, parent.id, amount, money.currency)));
    return 'tx' in made ? made.tx : made.refused;
  };
  const first = await refund(half, 'half of what was captured');
  const over = await refund(rest + 1, `one minor unit more than the ${show(rest)} left: must be refused or fail`);
  if ('id' in over) await ctx.report.step(`${over.id} was accepted: it must not settle`, async () => undefined);
  else await ctx.report.step(`refused: ${over.response!.status} ${describeRefusal(ctx, over, link.exceeds)}`, async () => undefined);
  const last = await refund(rest, 'exactly what is left');
  for (const [made, amount] of [[first, half], [last, rest]] as const) {
    if (!('id' in made)) problems.push(`a refund of ${show(amount)}, within what was left, was refused: ${made.response!.status} ${describeRefusal(ctx, made, undefined)}`);
  }
  if (!('id' in over) && link.exceeds !== undefined) {
    const code = extractPartnerCode(over.response!.body, { code: ctx.partner.profile.errors?.code ?? '/code' }).code;
    if (code !== link.exceeds) problems.push(`the over-refund was refused with ${code ?? 'no code'}, not ${link.exceeds} (transactions.${m.key}.parent.exceeds)`);
  }
  for (const tx of [first, over, last]) {
    if (!('id' in tx)) continue;
    const followed = await followTransaction(ctx, tx);
    // The money as the partner now reads it, not as asked: a partner that trims a refund is judged on what it kept.
    const read = followed.reads.at(-1)?.body;
    const amount = read !== undefined && m.amountPointer ? (getPointer(read, m.amountPointer) ?? tx.amount) : tx.amount;
    const currency = read !== undefined && m.currencyPointer ? (getPointer(read, m.currencyPointer) ?? tx.currency) : tx.currency;
    records.push({ movement: m, id: tx.id, parentId: parent.id, amount, currency, ...(followed.final ? { state: followed.final } : {}) });
  }
  problems.unshift(...refundTotalFindings(movements, records, table));
  const { refunded } = ledgerOf(movements, parentRecord, records);
  await ctx.report.step(`refunds that moved money total ${show(refunded)} of the ${show(money.amount)} captured`, async () => undefined);
  const states = records.filter((r) => r.movement === m).map((r) => `${r.id} ${show(Number(r.amount))} ${r.state ?? 'unread'}`);
  if (problems.length > 0) throw new CheckFailure(`${problems.join('; ')} (refunds: ${states.join(', ') || 'none accepted'})`);
}

/** The parent's money as created; a parent without both is a profile that cannot be checked here. */
function parentMoney(parent: CreatedTx, m: ResolvedMovement): { amount: number; currency: string } {
  const { amount, currency } = parent;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 2 || typeof currency !== 'string') {
    throw new CheckSkipped(`${parent.movement.key} ${parent.id} was created without an integer amount of at least 2 minor units and a currency: there is no total to keep the ${m.key}s under`);
  }
  return { amount, currency };
}

/** A child's create body: its parent's id, and the money at the child's own pointers. */
function childBody(m: ResolvedMovement, parentId: string, amount: number, currency: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  setPointer(body, m.spec.parent!.pointer, parentId);
  if (m.amountPointer) setPointer(body, m.amountPointer, amount);
  if (m.currencyPointer) setPointer(body, m.currencyPointer, currency);
  return body;
}

function describeRefusal(ctx: CheckContext, e: Exchange, expected: string | undefined): string {
  const code = extractPartnerCode(e.response?.body, { code: ctx.partner.profile.errors?.code ?? '/code' }).code;
  return `${code ?? 'no code'}${expected !== undefined && code === expected ? ' (as the profile documents)' : ''}`;
}

/** The parent id a child names (for messages and records). */
export function parentIdOf(m: ResolvedMovement, body: unknown): string | undefined {
  const id = m.spec.parent ? getPointer(body, m.spec.parent.pointer) : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
