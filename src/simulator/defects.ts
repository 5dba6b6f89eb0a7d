import type { Family } from '../profile/index.ts';

/**
 * Planted defects: each makes the simulator misbehave in one specific way, so the test suite can prove
 * that the check family meant to catch it does. One line each; the family is the one that must fail.
 */
export interface DefectSpec {
  name: string;
  family: Family;
  description: string;
  /** railgate itself misbehaves, not the partner: the suite proves its checks see it; no partner run plants it. */
  testOnly?: true;
}

export const DEFECTS: readonly DefectSpec[] = [
  { name: 'schema-drift', family: 'contract', description: 'a field of every successful JSON response changes type (a number becomes a string, else a string a number)' },
  { name: 'card-data-echoed', family: 'contract', description: "a create keeps everything it was sent: reads, lists and webhooks return the card's full number and security code" },
  { name: 'reflect-credentials', family: 'auth', description: "a 401 quotes the API key or Authorization header it refused, as JSON and (every other time) as text/plain with its base64 too: the auth family's 'no answer quotes a credential back' fails, and railgate's reports never show the key" },
  { name: 'accept-missing-signature', family: 'auth', description: 'a request without its signature headers is accepted (credentials, if any, are still checked)' },
  { name: 'accept-stale-timestamp', family: 'auth', description: 'a signature timestamp older than the tolerance is accepted (one in the future is still refused)' },
  { name: 'unsigned-body', family: 'auth', description: 'the signature check ignores the body: the digest header is trusted without hashing the body' },
  { name: 'accept-unknown-api-key', family: 'auth', description: 'an API key the partner never issued is accepted (a request with no key is still refused)' },
  { name: 'webhook-bad-signature', family: 'auth', description: "webhooks are signed with a key the partner's receivers do not know" },
  { name: 'replay-creates-duplicate', family: 'idempotency', description: 'a request replayed with its key and the same body is processed again: a second transaction' },
  { name: 'concurrent-duplicates', family: 'idempotency', description: 'the key is read, then taken after an await: duplicates that arrive meanwhile are all processed' },
  { name: 'mismatch-accepted', family: 'idempotency', description: 'a key reused with another body is processed as a new request instead of the documented conflict' },
  { name: 'lost-response-duplicate', family: 'idempotency', description: 'the key is recorded only after the answer has gone out: a retry after a lost answer is processed again' },
  { name: 'duplicate-on-retry', family: 'retry', description: 'a create commits, then answers 503 (once per idempotency key); the retry with the same key commits a second transaction' },
  { name: 'retry-after-missing', family: 'retry', description: 'a 429 comes without the Retry-After header the contract documents' },
  { name: 'hang', family: 'retry', description: "the first transaction's create accepts the request and never answers" },
  { name: 'undocumented-error-code', family: 'errors', description: "every error trigger is answered with a partner code that neither the contract nor the profile's map knows" },
  { name: 'wrong-error-status', family: 'errors', description: 'every error trigger is answered with its documented code, but under another HTTP status the operation documents' },
  { name: 'illegal-transition', family: 'transactions', description: 'a transaction leaves its terminal state a second after reaching it (COMPLETED → FAILED), and announces it' },
  { name: 'webhook-amount-mismatch', family: 'transactions', description: "the webhook announcing a terminal state carries one minor unit more than the transaction's amount" },
  { name: 'webhook-missing', family: 'transactions', description: 'the first state change after creation is never announced by a webhook' },
  { name: 'stuck-pending', family: 'transactions', description: 'created transactions never leave their initial state' },
  { name: 'webhook-wrong-type', family: 'transactions', description: "each state is announced with another of the movement's event types than the one the profile names for it (a settled capture announced as payment.capture_failed)" },
  { name: 'over-refund', family: 'transactions', description: 'refunds are accepted and settle whatever was captured before: their total can exceed the captured amount' },
  { name: 'undocumented-status', family: 'conformance', description: 'reads and lists refuse a query parameter they do not know with 400, a status they do not document' },
  { name: 'method-not-allowed-500', family: 'conformance', description: 'a method a path does not serve (PUT on a collection, TRACE anywhere) is answered 500, not 405' },
  { name: 'accepts-invalid', family: 'conformance', description: 'creates skip request validation: a body that breaks the contract (a wrong type, a missing field, an amount past its maximum) is accepted with 201' },
  { name: 'length-rule-ignored', family: 'conformance', description: 'minLength and maxLength are not enforced on any request: a 65-character reference where 64 is the most is accepted' },
  { name: '5xx-on-malformed-json', family: 'conformance', description: 'a body that is not valid JSON is answered 500, not 400' },
  { name: 'wrong-content-type', family: 'conformance', description: 'a body sent as text/plain to an operation that takes only JSON is read as JSON and processed, not refused with 415' },
  // Not a partner behaviour: railgate's own suite uses it to prove a crash is reported broken (issue 17).
  { name: 'crash-in-check', family: 'contract', testOnly: true, description: "TEST ONLY, not a partner defect (the simulator ignores it): in 'railgate run', the family's first check crashes inside railgate (exit 2, INCONCLUSIVE)" },
  // railgate's receiver for a webhooks-only contract, made wrong on purpose: the receiver checks must say so (src/webhooks/event-receiver.ts).
  { name: 'receiver-skips-authentication', family: 'contract', testOnly: true, description: "TEST ONLY, not a partner defect (the simulator ignores it): railgate's receiver for a webhooks-only contract accepts deliveries it cannot authenticate: forged and stale ones get through" },
  { name: 'receiver-skips-validation', family: 'contract', testOnly: true, description: "TEST ONLY, not a partner defect (the simulator ignores it): railgate's receiver for a webhooks-only contract accepts payloads that break the event's schema" },
  { name: 'receiver-undocumented-answer', family: 'contract', testOnly: true, description: "TEST ONLY, not a partner defect (the simulator ignores it): railgate's receiver for a webhooks-only contract acknowledges deliveries with 202 and no body, not the answer the contract documents" },
];

/**
 * Quirks: legitimate partner behaviours that are awkward to receive — not defects. They are planted like
 * defects (`--defect NAME`) to prove the opposite: the family named must still pass a correct partner.
 */
export const QUIRKS: readonly DefectSpec[] = [
  { name: 'late-redelivery', family: 'transactions', description: "the first delivery of each intermediate state's event (PROCESSING) is lost; the partner redelivers it, same id and time, only after it delivered the next state's event" },
  { name: 'out-of-order-delivery', family: 'transactions', description: "each transaction's initial-state event is delivered after the next state's event; both are dated when their state changed" },
];

export function defectNames(): string[] {
  return DEFECTS.map((d) => d.name);
}

/** Unknown names are an input mistake; the message lists what exists. */
export function unknownDefects(names: readonly string[]): string[] {
  const known = new Set(defectNames());
  return names.filter((n) => !known.has(n));
}

/** What a run plants, as its reports say it: defects (the partner is wrong) apart from quirks (the partner may do this). */
export function plantedLabel(names: readonly string[]): string {
  const quirks = new Set(QUIRKS.map((q) => q.name));
  const defects = names.filter((n) => !quirks.has(n));
  const behaviours = names.filter((n) => quirks.has(n));
  return [...(defects.length ? [`defects: ${defects.join(', ')}`] : []), ...(behaviours.length ? [`quirks: ${behaviours.join(', ')}`] : [])].join(' · ');
}
