import type { Operation } from '../../contract/index.ts';
import type { RetryRules } from '../../retry/index.ts';
import { CheckFailure } from '../model.ts';
import type { Check } from '../model.ts';
import { retriedFaultStatus, retryCheck } from './check.ts';
import { describeAttempts, seenSince } from './observe.ts';
import { freshParts } from './parts.ts';
import { timedPhase, withinTolerance } from './timing.ts';

/** A partner that keeps failing: the call stops at the policy's attempts, no more requests leave, and it says so. */
export function stopsAtLimit(op: Operation, rules: RetryRules): Check | undefined {
  const status = retriedFaultStatus(rules.on?.statuses);
  const attempts = rules.attempts ?? 1;
  if (!status) return undefined;
  return retryCheck(op, 'attempts stop at the limit, with a clear outcome', ['limit'], async (ctx) => {
    const { parts } = await freshParts(ctx, op);
    const mark = ctx.faults.log.length;
    ctx.faults.schedule({ match: { operationId: op.id }, times: attempts + 2, fault: { kind: 'status', status } });
    const call = await ctx.callWithRetry(op.id, parts, { label: `${op.id} against a partner that answers ${status} to everything` });
    const seen = seenSince(ctx, mark, op.id);
    if (call.outcome !== 'exhausted' || call.attempts.length !== attempts || seen.length !== attempts) {
      throw new CheckFailure(`${op.id}: with every attempt answered ${status}, the call should give up after exactly ${attempts} attempts; it made ${call.attempts.length} (${seen.length} seen) and ended '${call.outcome}': ${call.summary}\n${describeAttempts(call)}`);
    }
    if (call.final.response?.status !== status) throw new CheckFailure(`${op.id}: the call gave up, but its final answer is not the last ${status}: ${call.summary}`);
  });
}

/**
 * The overall deadline holds: with retries unlimited for this call (so only the deadline can end it) and
 * the partner failing fast, the call ends by the deadline — no attempt starts after it.
 */
export function stopsAtDeadline(op: Operation, rules: RetryRules): Check | undefined {
  const status = retriedFaultStatus(rules.on?.statuses);
  if (!status) return undefined;
  return retryCheck(op, 'attempts stop at the deadline, with a clear outcome', ['deadline'], async (ctx) => {
    const { parts } = await freshParts(ctx, op);
    ctx.faults.schedule({ match: { operationId: op.id }, times: 10_000, fault: { kind: 'status', status } });
    const label = `${op.id} with unlimited attempts, until the deadline`;
    const { value: call, lagMs } = await timedPhase(ctx, () => ctx.callWithRetry(op.id, parts, { label, policy: { attempts: Number.MAX_SAFE_INTEGER } }));
    const deadline = call.policy.timeouts.deadlineMs;
    const took = call.endedAt - call.startedAt;
    // The client's own record of when it sent each attempt: exact, no harness latency in between.
    const late = call.attempts.filter((a) => a.startedAt > call.startedAt + deadline);
    if (call.outcome !== 'deadline') throw new CheckFailure(`${op.id}: with unlimited attempts the call should end at its ${deadline} ms deadline; it ended '${call.outcome}': ${call.summary}\n${describeAttempts(call)}`);
    const held = withinTolerance(ctx.clock, lagMs, { what: `${op.id}: the ${deadline} ms deadline`, measuredMs: took, expectedMs: deadline, sides: 'late-only' });
    if (!held || late.length > 0) {
      throw new CheckFailure(`${op.id}: the ${deadline} ms deadline did not hold: the call took ${Math.round(took)} ms and ${late.length} attempt(s) started after it: ${call.summary}`);
    }
  });
}
