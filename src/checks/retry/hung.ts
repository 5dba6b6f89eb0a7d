import type { Operation } from '../../contract/index.ts';
import { parseDuration } from '../../profile/index.ts';
import type { RetriedCall, RetryRules } from '../../retry/index.ts';
import { CheckFailure } from '../model.ts';
import type { Check, CheckContext } from '../model.ts';
import { retryCheck } from './check.ts';
import { describeAttempts, tolerance } from './observe.ts';
import { freshParts } from './parts.ts';

/**
 * A partner that accepts every connection and never answers: each attempt ends at the headers timeout
 * (on the scaled clock, well under undici's own ~1 s timer resolution), and the call by its deadline.
 * A watchdog turns a client that would wait for ever into a failure instead of a hung run.
 */
export function hungPartnerTimesOut(op: Operation, rules: RetryRules): Check {
  return retryCheck(op, 'a hung partner ends in the configured timeout, never a hang', ['timeout'], async (ctx) => {
    const { parts } = await freshParts(ctx, op);
    ctx.faults.schedule({ match: { operationId: op.id }, times: 10_000, fault: { kind: 'hang' } });
    const call = await watchdog(ctx, op, rules, ctx.callWithRetry(op.id, parts, { label: `${op.id} against a partner that never answers` }));
    const { headersMs, deadlineMs } = call.policy.timeouts;
    const problems: string[] = [];
    for (const a of call.attempts) {
      const took = a.endedAt - a.startedAt;
      const code = a.exchange.error?.code;
      if (code === 'UND_ERR_HEADERS_TIMEOUT') {
        const tol = tolerance(ctx.clock, headersMs);
        if (took < headersMs - tol.early || took > headersMs + tol.late) problems.push(`attempt ${a.attempt} timed out after ${Math.round(took)} ms, not the ${headersMs} ms headers timeout`);
      } else if (code !== 'DEADLINE') problems.push(`attempt ${a.attempt} ended with ${a.exchange.response ? `a ${a.exchange.response.status}` : code}, not a timeout`);
    }
    const took = call.endedAt - call.startedAt;
    if (took > deadlineMs + tolerance(ctx.clock, deadlineMs).late) problems.push(`the call took ${Math.round(took)} ms, past its ${deadlineMs} ms deadline`);
    if (call.outcome !== 'deadline' && call.outcome !== 'exhausted') problems.push(`the call ended '${call.outcome}'`);
    if (problems.length > 0) throw new CheckFailure(`${op.id}: against a hung partner, ${problems.join('; ')}: ${call.summary}\n${describeAttempts(call)}`);
  });
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
