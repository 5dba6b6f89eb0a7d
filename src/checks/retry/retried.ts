import type { Operation } from '../../contract/index.ts';
import type { Fault } from '../../faults/index.ts';
import type { RetryRules } from '../../retry/index.ts';
import { CheckFailure } from '../model.ts';
import type { Check, CheckContext } from '../model.ts';
import { retriedFaultStatus, retryCheck } from './check.ts';
import { describeAttempts, seenSince, unanswered } from './observe.ts';
import { createdBy, freshParts } from './parts.ts';
import { reconcile } from './reconcile.ts';

/**
 * A retryable failure (a 5xx from the fault layer, then a connection reset) is retried and the call then
 * succeeds, with exactly one more request seen; a create leaves exactly one transaction behind.
 */
export function retriedThenSucceeds(op: Operation, rules: RetryRules): Check | undefined {
  const status = retriedFaultStatus(rules.on?.statuses);
  const faults: Array<{ label: string; fault: Fault }> = [];
  if (status) faults.push({ label: `a ${status}`, fault: { kind: 'status', status } });
  if (rules.on?.network?.includes('reset')) faults.push({ label: 'a connection reset', fault: { kind: 'reset', when: 'before-forward' } });
  if (faults.length === 0) return undefined;
  return retryCheck(op, 'a retryable failure is retried, then succeeds', ['recovery'], async (ctx) => {
    for (const { label, fault } of faults) await recoverFrom(ctx, op, label, fault);
  });
}

async function recoverFrom(ctx: CheckContext, op: Operation, label: string, fault: Fault): Promise<void> {
  const { parts, reference } = await freshParts(ctx, op);
  const mark = ctx.faults.log.length;
  ctx.faults.schedule({ match: { operationId: op.id }, fault });
  const call = await ctx.callWithRetry(op.id, parts, { label: `${op.id} after ${label}` });
  const seen = seenSince(ctx, mark, op.id);
  const problems: string[] = [];
  const tx = createdBy(ctx.partner, op.id);
  if (tx) {
    const found = await reconcile(ctx, tx, reference, call.final);
    if (found.count !== undefined && found.count > 1) {
      problems.push(`${found.count} transactions exist for the one call (${found.ids.join(', ')}, by ${found.via}): a retry with the same idempotency key created a duplicate`);
    }
  }
  const silent = unanswered(call, seen);
  if (silent) problems.push(silent);
  if (call.outcome !== 'succeeded') problems.push(`after ${label} the call did not recover: ${call.summary}`);
  // More than two attempts is the partner failing again (judged above by the count), not a harness fault.
  else if (call.attempts.length < 2 || seen.length < 2 || seen[0]?.fault === undefined) {
    problems.push(`after ${label} the call made ${call.attempts.length} attempt(s) (the fault layer saw ${seen.length}, the first ${seen[0]?.outcome ?? 'none'}): the fault was not retried`);
  }
  if (problems.length > 0) throw new CheckFailure(`${op.id}: ${problems.join('; ')}\n${describeAttempts(call)}`);
}
