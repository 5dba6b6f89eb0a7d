import type { ClientTimeouts } from '../http/model.ts';
import { parseDuration } from '../profile/duration.ts';
import type { Profile } from '../profile/model.ts';
import type { Jitter, NetworkFailure, RetryRules } from './spec.ts';

/** One operation's retry policy, resolved: defaults, section, per-operation override; durations in profile ms. */
export interface RetryPolicy {
  operationId: string;
  /** Attempts in all, the first included. */
  attempts: number;
  backoff: { baseMs: number; capMs: number; jitter: Jitter };
  statuses: ReadonlySet<number>;
  codes: ReadonlySet<string>;
  network: ReadonlySet<NetworkFailure>;
  retryAfter: { honour: boolean; capMs: number };
  /** connect / headers / body per attempt; deadlineMs for the whole call. */
  timeouts: ClientTimeouts;
}

/** What a `retry` section means where it says nothing; a profile without one never retries. */
export const RETRY_DEFAULTS = {
  attempts: 3,
  backoff: { base: '500ms', cap: '30s', jitter: 'full' },
  on: { statuses: [429, 502, 503, 504], codes: [], network: ['refused', 'reset', 'timeout'] },
  retryAfter: { honour: true, cap: '60s' },
} as const satisfies RetryRules;

/** The rules in force for an operation, before durations are parsed: what the lint rule reads. */
export function effectiveRules(profile: Profile, operationId: string): RetryRules | undefined {
  const section = profile.retry;
  if (!section) return undefined;
  const op = section.operations?.[operationId] ?? {};
  return {
    attempts: op.attempts ?? section.attempts ?? RETRY_DEFAULTS.attempts,
    backoff: { ...RETRY_DEFAULTS.backoff, ...section.backoff, ...op.backoff },
    on: { ...RETRY_DEFAULTS.on, ...section.on, ...op.on } as RetryRules['on'],
    retryAfter: { ...RETRY_DEFAULTS.retryAfter, ...section.retryAfter, ...op.retryAfter },
    timeouts: { ...section.timeouts, ...op.timeouts },
  };
}

/**
 * Pure: the policy of one operation. `base` are the client's timeouts for the environment (profile and
 * environment `timeouts`), which the section's and the operation's `timeouts` refine. Without a `retry`
 * section the policy is a single attempt, with the same timeouts.
 */
export function resolvePolicy(profile: Profile, operationId: string, base: ClientTimeouts): RetryPolicy {
  const rules = effectiveRules(profile, operationId);
  const t = rules?.timeouts ?? {};
  const ms = (d: string | number | undefined, fallback: number): number => (d === undefined ? fallback : parseDuration(d));
  return {
    operationId,
    attempts: rules?.attempts ?? 1,
    backoff: { baseMs: ms(rules?.backoff?.base, 0), capMs: ms(rules?.backoff?.cap, 0), jitter: rules?.backoff?.jitter ?? 'none' },
    statuses: new Set(rules?.on?.statuses ?? []),
    codes: new Set(rules?.on?.codes ?? []),
    network: new Set(rules?.on?.network ?? []),
    retryAfter: { honour: rules?.retryAfter?.honour ?? true, capMs: ms(rules?.retryAfter?.cap, 0) },
    timeouts: { connectMs: ms(t.connect, base.connectMs), headersMs: ms(t.headers, base.headersMs), bodyMs: ms(t.body, base.bodyMs), deadlineMs: ms(t.deadline, base.deadlineMs) },
  };
}

/** Operations the `retry` family generates checks for: those whose policy retries at all. */
export function retriedOperations(profile: Profile, operationIds: Iterable<string>): string[] {
  return [...operationIds].filter((id) => (effectiveRules(profile, id)?.attempts ?? 1) > 1);
}
