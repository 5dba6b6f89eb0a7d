import type { Duration, Timeouts } from '../profile/model.ts';

// The profile's `retry` section (shape enforced by schemas/profile.schema.json, `$defs/retryRules`).

/**
 * A failure with no HTTP answer. `refused`: the connection never opened (refused, connect timeout), so the
 * request cannot have reached the partner. `reset` and `timeout` may hide a request the partner committed.
 */
export type NetworkFailure = 'refused' | 'reset' | 'timeout';

/** https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ — full: [0, d); equal: [d/2, d). */
export type Jitter = 'full' | 'equal' | 'none';

export interface BackoffSpec {
  /** Wait before the first retry, before jitter; doubled for each further retry. */
  base?: Duration;
  /** Longest wait, before jitter. */
  cap?: Duration;
  jitter?: Jitter;
}

/** What is retried. A partner code mapped `never` in `errors.map` is never retried, whatever its status. */
export interface RetryOn {
  statuses?: number[];
  /** Partner error codes (as found at `errors.code`). */
  codes?: string[];
  network?: NetworkFailure[];
}

export interface RetryAfterSpec {
  /** Wait what the partner's Retry-After says instead of the backoff. Default true. */
  honour?: boolean;
  /** A Retry-After above this ends the call: waiting less would disobey the partner. */
  cap?: Duration;
}

export interface RetryRules {
  /** Attempts in all, the first included: 1 never retries. */
  attempts?: number;
  backoff?: BackoffSpec;
  on?: RetryOn;
  retryAfter?: RetryAfterSpec;
  /** Per attempt: connect, headers, body; `deadline` bounds the whole call, every attempt and wait included. */
  timeouts?: Timeouts;
}

export interface RetrySpec extends RetryRules {
  /** Overrides by operationId, merged over the section's rules key by key. */
  operations?: Record<string, RetryRules>;
}
