export { fingerprintBody, canonicalJson } from './fingerprint.ts';
export { IdempotencyKeyStore, decide } from './key-store.ts';
export { DEFAULT_ANSWERS, DEFAULT_CONCURRENCY, DEFAULT_WINDOW, describeAnswer, resolveIdempotency } from './resolve.ts';

export type { DoneEntry, InFlightEntry, KeyDecision, KeyEntry, KeyTicket, SavedAnswer } from './key-store.ts';
export type { IdempotencyAnswer, IdempotencyKeyFormat, IdempotencySpec } from './model.ts';
export type { ResolvedIdempotency } from './resolve.ts';
