import { backoffDelay } from './backoff.ts';
import type { AttemptVerdict } from './classify.ts';
import type { RetryPolicy } from './policy.ts';
import { parseRetryAfter } from './retry-after.ts';
import type { Rng } from '../random/index.ts';

/** How a call ended. */
export type RetryOutcome = 'succeeded' | 'failed' | 'exhausted' | 'deadline' | 'retry-after-too-long';

export type Decision =
  | { action: 'stop'; outcome: RetryOutcome; summary: string }
  | { action: 'wait'; waitMs: number; why: 'retry-after' | 'backoff'; summary: string };

export interface DecideInput {
  policy: RetryPolicy;
  /** The attempt just made, 1-based. */
  attempt: number;
  verdict: AttemptVerdict;
  /** Profile ms, the run's clock. */
  now: number;
  deadlineAt: number;
  rng: Pick<Rng, 'next'>;
}

/** Pure: stop (and why) or wait (how long, and why) after an attempt. */
export function decideNext(input: DecideInput): Decision {
  const { policy, attempt, verdict, now, deadlineAt } = input;
  const n = `after ${attempt} attempt${attempt > 1 ? 's' : ''}`;
  switch (verdict.kind) {
    case 'success':
      return { action: 'stop', outcome: 'succeeded', summary: `succeeded ${n} (${verdict.reason})` };
    case 'final':
      return { action: 'stop', outcome: 'failed', summary: `failed ${n}: ${verdict.reason}` };
    case 'deadline':
      return { action: 'stop', outcome: 'deadline', summary: `stopped at the ${policy.timeouts.deadlineMs} ms deadline ${n}: ${verdict.reason}` };
  }
  if (attempt >= policy.attempts) return { action: 'stop', outcome: 'exhausted', summary: `gave up ${n}, the policy's limit: ${verdict.reason}` };
  const advised = policy.retryAfter.honour ? parseRetryAfter(verdict.retryAfter, now) : undefined;
  if (advised !== undefined && advised > policy.retryAfter.capMs) {
    return { action: 'stop', outcome: 'retry-after-too-long', summary: `stopped ${n}: Retry-After ${verdict.retryAfter} (${advised} ms) is above the ${policy.retryAfter.capMs} ms cap` };
  }
  const waitMs = advised ?? backoffDelay(attempt, policy.backoff, input.rng);
  const why = advised !== undefined ? 'retry-after' : 'backoff';
  if (now + waitMs >= deadlineAt) {
    return { action: 'stop', outcome: 'deadline', summary: `stopped ${n}: the next attempt, ${waitMs} ms away (${why}), would start past the ${policy.timeouts.deadlineMs} ms deadline; last: ${verdict.reason}` };
  }
  return { action: 'wait', waitMs, why, summary: `${verdict.reason}; waiting ${waitMs} ms (${why})` };
}
