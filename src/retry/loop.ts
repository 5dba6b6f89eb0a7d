import type { Clock } from '../clock/index.ts';
import type { ClientTimeouts, Exchange } from '../http/model.ts';
import type { Rng } from '../random/index.ts';
import { classifyAttempt } from './classify.ts';
import type { AttemptVerdict, CodeRules } from './classify.ts';
import { decideNext } from './decide.ts';
import type { RetryOutcome } from './decide.ts';
import type { RetryPolicy } from './policy.ts';

export interface AttemptRecord {
  /** 1-based. */
  attempt: number;
  exchange: Exchange;
  verdict: AttemptVerdict;
  /** Clock time (profile ms) the attempt was sent and settled. */
  startedAt: number;
  endedAt: number;
  /** The wait before this attempt, profile ms (0 for the first), and what decided it. */
  waitedMs: number;
  waitedFor?: 'retry-after' | 'backoff';
}

export interface RetriedCall {
  outcome: RetryOutcome;
  /** One line a report can show: how the call ended and why. */
  summary: string;
  attempts: AttemptRecord[];
  /** The last attempt's exchange. */
  final: Exchange;
  /** The policy the call followed (a check's override included). */
  policy: RetryPolicy;
  startedAt: number;
  endedAt: number;
}

/** Sends one attempt with the timeouts given (deadlineMs: what is left of the call's deadline). */
export type SendAttempt = (attempt: number, timeouts: ClientTimeouts) => Promise<Exchange>;

export interface LoopDeps {
  clock: Clock;
  rng: Pick<Rng, 'next'>;
  codes: CodeRules;
  /** Waits between attempts; default clock.sleep. A report wraps it to show each wait as a step. */
  wait?: (ms: number, summary: string) => Promise<void>;
}

/**
 * The retry loop, at the edge: the decisions are decideNext's (pure); this only sends, waits on the
 * run's clock and keeps the record. The caller builds each attempt, so the same idempotency key (and a
 * fresh signature) goes out every time.
 */
export async function runRetries(send: SendAttempt, policy: RetryPolicy, deps: LoopDeps): Promise<RetriedCall> {
  const { clock } = deps;
  const wait = deps.wait ?? ((ms) => clock.sleep(ms));
  const startedAt = clock.now();
  const deadlineAt = startedAt + policy.timeouts.deadlineMs;
  const attempts: AttemptRecord[] = [];
  let waited: Pick<AttemptRecord, 'waitedMs' | 'waitedFor'> = { waitedMs: 0 };
  for (let n = 1; ; n++) {
    const sentAt = clock.now();
    const exchange = await send(n, { ...policy.timeouts, deadlineMs: Math.max(0, Math.round(deadlineAt - sentAt)) });
    const verdict = classifyAttempt(exchange, policy, deps.codes);
    const endedAt = clock.now();
    attempts.push({ attempt: n, exchange, verdict, startedAt: sentAt, endedAt, ...waited });
    const decision = decideNext({ policy, attempt: n, verdict, now: endedAt, deadlineAt, rng: deps.rng });
    if (decision.action === 'stop') return { outcome: decision.outcome, summary: decision.summary, attempts, final: exchange, policy, startedAt, endedAt: clock.now() };
    await wait(decision.waitMs, decision.summary);
    waited = { waitedMs: decision.waitMs, waitedFor: decision.why };
    // A timer fires late on a busy machine: a wait that overran the deadline must not start another attempt.
    if (clock.now() >= deadlineAt) {
      const summary = `stopped at the ${policy.timeouts.deadlineMs} ms deadline after ${n} attempt${n > 1 ? 's' : ''}: the wait before the next one overran it; last: ${verdict.reason}`;
      return { outcome: 'deadline', summary, attempts, final: exchange, policy, startedAt, endedAt: clock.now() };
    }
  }
}
