import type { Clock } from '../../clock/index.ts';
import type { Operation } from '../../contract/index.ts';
import type { ProxyEvent } from '../../faults/index.ts';
import type { Partner } from '../../partner/index.ts';
import { parseDuration } from '../../profile/index.ts';
import { parseRetryAfter, triggersRateLimit } from '../../retry/index.ts';
import type { RetriedCall, RetryRules } from '../../retry/index.ts';
import { CheckFailure } from '../model.ts';
import type { Check, CheckContext } from '../model.ts';
import { retryCheck } from './check.ts';
import { describeAttempts, seenSince, tolerance } from './observe.ts';
import { freshParts } from './parts.ts';
import { timedPhase, withinTolerance } from './timing.ts';

/**
 * Retry-After is waited for, measured between the requests the fault layer saw on the scaled clock:
 * a synthetic 429 in seconds and as an HTTP-date, then the partner's own 429 (an error trigger), which
 * must carry the Retry-After its contract documents.
 */
export function retryAfterHonoured(op: Operation, rules: RetryRules, partner: Partner): Check | undefined {
  if (rules.retryAfter?.honour === false || !rules.on?.statuses?.includes(429) || (rules.attempts ?? 1) < 2) return undefined;
  const capMs = parseDuration(rules.retryAfter?.cap ?? '60s');
  const seconds = Math.min(2, Math.floor(capMs / 1000));
  if (seconds < 1) return undefined;
  const trigger = rateLimitTrigger(partner, op);
  const check = retryCheck(op, 'Retry-After is waited for', ['retry-after'], async (ctx) => {
    await synthetic(ctx, op, String(seconds), 'seconds');
    await synthetic(ctx, op, new Date(ctx.clock.now() + (seconds + 1) * 1000).toUTCString(), 'an HTTP-date');
    if (trigger) await partnersOwn(ctx, op, trigger, documentsRetryAfter(op));
  });
  return trigger ? { ...check, provokes429: true } : check;
}

async function synthetic(ctx: CheckContext, op: Operation, retryAfter: string, form: string): Promise<void> {
  const { parts } = await freshParts(ctx, op);
  const mark = ctx.faults.log.length;
  ctx.faults.schedule({ match: { operationId: op.id }, fault: { kind: 'status', status: 429, retryAfter } });
  const { value: call, lagMs } = await timedPhase(ctx, () => ctx.callWithRetry(op.id, parts, { label: `${op.id} after a 429 with Retry-After: ${retryAfter}` }));
  const seen = seenSince(ctx, mark, op.id);
  if (call.outcome !== 'succeeded' || seen.length < 2) {
    throw new CheckFailure(`${op.id}: after a 429 with Retry-After ${form} (${retryAfter}) the call should have been retried and succeeded: ${call.summary}\n${describeAttempts(call)}`);
  }
  const first = seen[0] as ProxyEvent;
  expectGap(ctx, lagMs, op, call, first, seen[1] as ProxyEvent, parseRetryAfter(retryAfter, first.endedAt ?? first.at) ?? 0, `Retry-After ${form} (${retryAfter})`);
}

/** The partner's own 429: the documented header must be there, and each retry must wait what it says. */
async function partnersOwn(ctx: CheckContext, op: Operation, trigger: { body?: unknown; params?: Record<string, string | number | boolean>; headers?: Record<string, string> }, documented: boolean): Promise<void> {
  const { parts } = await freshParts(ctx, op, trigger);
  const mark = ctx.faults.log.length;
  const { value: call, lagMs } = await timedPhase(ctx, () => ctx.callWithRetry(op.id, parts, { label: `${op.id} rate-limited by the partner` }));
  const seen = seenSince(ctx, mark, op.id);
  const limited = call.attempts.filter((a) => a.exchange.response?.status === 429);
  if (limited.length === 0) throw new CheckFailure(`${op.id}: the rate-limit trigger did not provoke a 429: ${call.summary}\n${describeAttempts(call)}`, { kind: 'configuration' });
  const missing = limited.filter((a) => a.exchange.response?.headers['retry-after'] === undefined);
  if (missing.length > 0 && documented) {
    const fellBack = call.attempts.find((a) => a.waitedFor === 'backoff');
    throw new CheckFailure(
      `${op.id}: the partner answered 429 without the Retry-After header its contract documents (${missing.length} of ${limited.length} answers)` +
        `: the client cannot know how long to wait${fellBack ? ` and fell back to its own backoff (${Math.round(fellBack.waitedMs)} ms)` : ''}\n${describeAttempts(call)}`,
    );
  }
  for (let i = 0; i + 1 < seen.length && i + 1 < call.attempts.length; i++) {
    const advised = parseRetryAfter(call.attempts[i]?.exchange.response?.headers['retry-after'], (seen[i] as ProxyEvent).endedAt ?? 0);
    if (advised !== undefined) expectGap(ctx, lagMs, op, call, seen[i] as ProxyEvent, seen[i + 1] as ProxyEvent, advised, `the partner's Retry-After (${call.attempts[i]?.exchange.response?.headers['retry-after']})`);
  }
}

function expectGap(ctx: CheckContext, lagMs: number, op: Operation, call: RetriedCall, before: ProxyEvent, after: ProxyEvent, expectedMs: number, what: string): void {
  const problem = judgeGap(ctx.clock, lagMs, `${op.id}: after ${what}`, after.at - (before.endedAt ?? before.at), expectedMs);
  if (problem) throw new CheckFailure(`${problem}\n${describeAttempts(call)}`);
}

/**
 * The gap the fault layer saw between an answer advising a wait and the next attempt, against the advice:
 * undefined when it was waited for; else what went wrong. Throws harness-timing instead when the gap is off
 * while railgate itself was late (`lagMs`, real ms): the fault layer's own timestamps were late by as much.
 */
export function judgeGap(clock: Clock, lagMs: number, what: string, gapMs: number, expectedMs: number): string | undefined {
  if (withinTolerance(clock, lagMs, { what, measuredMs: gapMs, expectedMs })) return undefined;
  const tol = tolerance(clock, expectedMs);
  return `${what} the next attempt came ${Math.round(gapMs)} ms later, expected ${Math.round(expectedMs)} ms (−${Math.round(tol.early)} / +${Math.round(tol.late)})`;
}

/** An error trigger of the operation whose code the contract documents under 429 (or that says 429 itself). */
function rateLimitTrigger(partner: Partner, op: Operation): { body?: unknown; params?: Record<string, string | number | boolean>; headers?: Record<string, string> } | undefined {
  return partner.profile.errors?.triggers?.find((t) => t.operation === op.id && triggersRateLimit(op, t, partner.profile.errors?.code));
}

function documentsRetryAfter(op: Operation): boolean {
  return op.responses.some((r) => r.status === '429' && r.headers.some((h) => h.name.toLowerCase() === 'retry-after'));
}
