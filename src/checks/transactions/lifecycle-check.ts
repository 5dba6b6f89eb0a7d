import { judgeStates } from '../../transactions/index.ts';
import type { ResolvedMovement } from '../../transactions/index.ts';
import { CheckFailure } from '../model.ts';
import type { CheckContext } from '../model.ts';
import { createTransaction, driveByChild } from './create.ts';
import { describeEvents, eventsFor } from './events.ts';
import { followTransaction, watched } from './follow.ts';
import { moneyDiffers } from './money-of.ts';

/**
 * Create → read until terminal within the deadline → read again after it settled. Every state the reads
 * saw must be allowed by the machine, and every read must state the money the create asked for.
 */
export async function checkLifecycle(ctx: CheckContext, m: ResolvedMovement): Promise<void> {
  const tx = await createTransaction(ctx, m);
  await driveByChild(ctx, tx);
  const followed = await followTransaction(ctx, tx);
  const problems: string[] = [];
  const created = tx.state ? [{ state: tx.state, source: `the create answer #${tx.exchange.seq}` }] : [];
  for (const f of judgeStates(m.machine!, [...created, ...followed.reads], { every: false })) problems.push(f.message);
  if (followed.terminalAfterMs === undefined) {
    problems.push(`stuck in ${followed.final ?? 'an unreadable state'}: not terminal within ${watched(ctx, m)} (${followed.reads.length} reads, last ${followed.reads.at(-1)?.source ?? 'none'})`);
  }
  const createdMoney = moneyDiffers(tx, tx.exchange.response?.body, { amount: m.amountPointer, currency: m.currencyPointer });
  if (createdMoney) problems.push(`the create answer states ${createdMoney}`);
  const wrong = followed.reads.find((r) => moneyDiffers(tx, r.body, { amount: m.amountPointer, currency: m.currencyPointer }));
  if (wrong) problems.push(`${wrong.source} states ${moneyDiffers(tx, wrong.body, { amount: m.amountPointer, currency: m.currencyPointer })}`);
  if (problems.length === 0) return;
  // The events the partner sent about it, so the reason names the offending one when there is one.
  const hooks = ctx.auth.webhooks;
  const events = hooks && !hooks.unreachable ? ` (webhooks: ${describeEvents(eventsFor(ctx.partner, hooks.receiver, m, tx.id))})` : '';
  throw new CheckFailure(`${m.key} ${tx.id}: ${problems.join('; ')}${events}`);
}
