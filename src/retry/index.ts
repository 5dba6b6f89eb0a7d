// Retries: the profile's `retry` section, its pure policy (classification, backoff, Retry-After, the
// decision after each attempt), the loop that sends at the edge, and the lint rule against unsafe retries.

// Policy
export { RETRY_DEFAULTS, effectiveRules, resolvePolicy, retriedOperations } from './policy.ts';
export { backoffDelay } from './backoff.ts';
export { parseRetryAfter } from './retry-after.ts';
export { classifyAttempt, networkFailure } from './classify.ts';
export { decideNext } from './decide.ts';
export { codeRulesOf, loadCodeRules } from './code-rules.ts';
export { statusesOfCode, triggersRateLimit } from './documented.ts';

// Sending
export { runRetries } from './loop.ts';
export { callWithRetry } from './call-with-retry.ts';

// Lint
export { unsafeRetries } from './unsafe-retries.ts';

export type { BackoffSpec, Jitter, NetworkFailure, RetryAfterSpec, RetryOn, RetryRules, RetrySpec } from './spec.ts';
export type { RetryPolicy } from './policy.ts';
export type { AttemptVerdict, CodeRules } from './classify.ts';
export type { Decision, DecideInput, RetryOutcome } from './decide.ts';
export type { AttemptRecord, LoopDeps, RetriedCall, SendAttempt } from './loop.ts';
export type { RetryCallOptions } from './call-with-retry.ts';
export type { UnsafeRetry } from './unsafe-retries.ts';
