import type { Clock } from '../../clock/index.ts';
import type { ProxyEvent } from '../../faults/index.ts';
import type { AttemptRecord, RetriedCall } from '../../retry/index.ts';
import type { CheckContext } from '../model.ts';

// What a retry check observes, from the fault layer's side: the requests that really left the client,
// whatever the client's own bookkeeping says.

/** The fault layer's events for an operation since `mark` (a log length taken before the call). */
export function seenSince(ctx: CheckContext, mark: number, operationId: string): ProxyEvent[] {
  return ctx.faults.log.slice(mark).filter((e) => e.operationId === operationId);
}

/**
 * Timing tolerance. On a virtual clock a wait ends exactly when it is due and nothing else moves time, so
 * only rounding (1 ms) is allowed. On a wall clock: early by a few real ms (timer rounding), late by a
 * quarter of the expectation or 150 real ms, whichever is more — a timer in this process fires late when
 * its event loop is busy. A deviation measured while railgate's own event loop was later than that margin is
 * the harness's, and is reported as such (harness-timing, see timing.ts).
 */
export function tolerance(clock: Clock, expectedMs: number): { early: number; late: number } {
  if (clock.virtual) return { early: 1, late: 1 };
  return { early: clock.toScaled(3), late: Math.max(expectedMs * 0.25, clock.toScaled(150)) };
}

/** One line per attempt, for a failure message: what each attempt got and how long the client waited before it. */
export function describeAttempts(call: RetriedCall): string {
  return call.attempts.map((a) => `  - ${describeAttempt(a)}`).join('\n');
}

function describeAttempt(a: AttemptRecord): string {
  const waited = a.waitedMs > 0 ? ` after waiting ${Math.round(a.waitedMs)} ms (${a.waitedFor})` : '';
  const got = a.exchange.response ? `${a.exchange.response.status}` : `${a.exchange.error?.code}: ${a.exchange.error?.message}`;
  return `attempt ${a.attempt}${waited}: ${got} — ${a.verdict.reason} [${Math.round(a.endedAt - a.startedAt)} ms]`;
}

/** A note when requests reached the partner (no fault injected) and got no answer in time: the client's timeouts ended them. */
export function unanswered(call: RetriedCall, seen: readonly ProxyEvent[]): string | undefined {
  const reached = seen.filter((e) => e.forwarded && e.fault === undefined && e.upstreamStatus === undefined).length;
  const timedOut = call.attempts.filter((a) => a.exchange.error?.code === 'UND_ERR_HEADERS_TIMEOUT' || a.exchange.error?.code === 'DEADLINE').length;
  if (reached === 0 || timedOut === 0) return undefined;
  return `the partner took ${reached} request${reached > 1 ? 's' : ''} and answered none in time (${timedOut} attempt${timedOut > 1 ? 's' : ''} ended at the ${call.policy.timeouts.headersMs} ms headers timeout or the deadline)`;
}

/** Runs a check's body with the fault layer clean before and after: no rule of one check leaks into the next. */
export async function withCleanFaults<T>(ctx: CheckContext, body: () => Promise<T>): Promise<T> {
  ctx.faults.clear();
  try {
    return await body();
  } finally {
    ctx.faults.clear();
  }
}
