import type { Clock } from '../../clock/index.ts';
import type { Operation } from '../../contract/index.ts';
import { parseDuration } from '../../profile/index.ts';
import type { RetriedCall, RetryRules } from '../../retry/index.ts';
import { CheckFailure } from '../model.ts';
import type { Check, CheckContext } from '../model.ts';
import { retryCheck } from './check.ts';
import { describeAttempts } from './observe.ts';
import { freshParts } from './parts.ts';
import { timedPhase, withinTolerance } from './timing.ts';

/**
 * A partner that accepts every connection and never answers: each attempt ends at the headers timeout
 * (on the scaled clock, well under undici's own ~1 s timer resolution), and the call by its deadline.
 * A watchdog turns a client that would wait for ever into a failure instead of a hung run.
 */
export function hungPartnerTimesOut(op: Operation, rules: RetryRules): Check {
  return retryCheck(op, 'a hung partner ends in the configured timeout, never a hang', ['timeout'], async (ctx) => {
    const { parts } = await freshParts(ctx, op);
    ctx.faults.schedule({ match: { operationId: op.id }, times: 10_000, fault: { kind: 'hang' } });
    const label = `${op.id} against a partner that never answers`;
    const { value: call, lagMs } = await timedPhase(ctx, () => watchdog(ctx, op, rules, ctx.callWithRetry(op.id, parts, { label })));
    const problems = judgeHungCall(ctx.clock, lagMs, op.id, call);
    if (problems.length > 0) throw new CheckFailure(`${op.id}: against a hung partner, ${problems.join('; ')}: ${call.summary}\n${describeAttempts(call)}`);
  });
}

/**
 * What a call against a hung partner did wrong: an attempt not ended by the headers timeout (or ended off it),
 * a call past its deadline, an outcome other than the deadline or the limit. Throws harness-timing instead
 * when a duration is off while railgate itself was late (`lagMs`, real ms).
 */
export function judgeHungCall(clock: Clock, lagMs: number, operationId: string, call: RetriedCall): string[] {
  const { headersMs, deadlineMs } = call.policy.timeouts;
  const problems: string[] = [];
  for (const a of call.attempts) {
    const took = a.endedAt - a.startedAt;
    const code = a.exchange.error?.code;
    if (code === 'UND_ERR_HEADERS_TIMEOUT') {
      const timed = { what: `${operationId}: attempt ${a.attempt}'s headers timeout`, measuredMs: took, expectedMs: headersMs };
      if (!withinTolerance(clock, lagMs, timed)) problems.push(`attempt ${a.attempt} timed out after ${Math.round(took)} ms, not the ${headersMs} ms headers timeout`);
    } else if (code !== 'DEADLINE') problems.push(`attempt ${a.attempt} ended with ${a.exchange.response ? `a ${a.exchange.response.status}` : code}, not a timeout`);
  }
  const took = call.endedAt - call.startedAt;
  const timed = { what: `${operationId}: the call's deadline`, measuredMs: took, expectedMs: deadlineMs, sides: 'late-only' as const };
  if (!withinTolerance(clock, lagMs, timed)) problems.push(`the call took ${Math.round(took)} ms, past its ${deadlineMs} ms deadline`);
  if (call.outcome !== 'deadline' && call.outcome !== 'exhausted') problems.push(`the call ended '${call.outcome}'`);
  return problems;
}

/** Twice the deadline, on the clock: a call still running by then is a hang, reported as one (never a stuck run). */
async function watchdog(ctx: CheckContext, op: Operation, rules: RetryRules, call: Promise<RetriedCall>): Promise<RetriedCall> {
  const p = ctx.partner.profile;
  // The policy's own order: the retry rules, then the environment's timeouts, the profile's, the default.
  const deadlineMs = parseDuration(rules.timeouts?.deadline ?? p.environments[ctx.env]?.timeouts?.deadline ?? p.timeouts?.deadline ?? '60s');
  const stop = new AbortController();
  const hang = ctx.clock.sleep(2 * deadlineMs, stop.signal).then(() => {
    throw new CheckFailure(`${op.id}: the call against a hung partner was still waiting after twice its ${deadlineMs} ms deadline: the client has no working timeout`);
  });
  try {
    return await Promise.race([call, hang]);
  } finally {
    stop.abort();
    hang.catch(() => undefined);
  }
}
