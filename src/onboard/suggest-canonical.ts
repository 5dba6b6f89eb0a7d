import type { Vocabulary } from '../errors/index.ts';

// What a partner's code most likely means in railgate's vocabulary (vocabulary/canonical-codes.yaml), by the
// words of its name, else by its status. A guess for a person to confirm: init writes each with `# TODO confirm`.
const BY_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/idempoten.*(reuse|mismatch|conflict|differ)|(reuse|mismatch).*idempoten/, 'IDEMPOTENCY_CONFLICT'],
  [/in.?flight|in.?progress|concurren|still.?processing/, 'IN_FLIGHT'],
  [/insufficient|not.?enough.?(funds|balance)|nsf/, 'AM04'],
  [/duplicat/, 'AM05'],
  [/rate.?limit|too.?many|throttl|quota/, 'RATE_LIMITED'],
  [/unauthori[sz]|unauthenticat|authenticat|invalid.?(api.?)?key|credential|invalid.?token|expired.?token|signature/, 'AUTHENTICATION_FAILED'],
  [/forbidden|permission|not.?permitted|access.?denied|not.?authori[sz]ed.?(for|to)/, 'FORBIDDEN'],
  [/unavailable|internal|server.?error|timeout|timed.?out|try.?again|temporar/, 'PARTNER_UNAVAILABLE'],
  [/closed/, 'AC04'],
  [/blocked|frozen|suspend/, 'AC06'],
  [/currency/, 'AM03'],
  [/exceed|limit|too.?(large|high|much)/, 'AM14'],
  [/zero.?amount/, 'AM01'],
  [/amount/, 'AM02'],
  [/not.?found|unknown|does.?not.?exist|no.?such/, 'NOT_FOUND'],
  [/cancel|void/, 'DS02'],
  [/already|conflict|state|status|not.?allowed/, 'CONFLICT'],
  [/account|iban/, 'AC01'],
  [/invalid|validation|malformed|required|missing|format|bad.?request|parameter|unsupported|too.?long|too.?short/, 'VALIDATION_FAILED'],
  [/declin|reject|refus|denied|fraud|risk/, 'MS03'],
];

// 4xx that say "not now" rather than "not this request" (the errors family's own rule, src/errors/rules/retry-status.ts).
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

/** The canonical code for an HTTP status alone (a `byStatus` entry, or a code whose name says nothing). */
export function canonicalForStatus(status: number | string): string {
  const s = String(status);
  if (s === '401') return 'AUTHENTICATION_FAILED';
  if (s === '403') return 'FORBIDDEN';
  if (s === '404') return 'NOT_FOUND';
  if (s === '409') return 'CONFLICT';
  if (s === '429') return 'RATE_LIMITED';
  if (s.startsWith('5')) return 'PARTNER_UNAVAILABLE';
  if (s.startsWith('4')) return 'VALIDATION_FAILED';
  return 'MS03';
}

/**
 * A partner code's suggested canonical code. It never contradicts the statuses the contract documents the code
 * with (lint's retry-status rule): a code answered with a final 4xx gets a canonical code that is never retried.
 */
export function suggestCanonical(code: string, statuses: readonly number[], vocabulary: Vocabulary): string {
  const words = code.toLowerCase().replace(/[_\-.]+/g, ' ');
  // A partner that answers ISO 20022 reason codes (LionBank's AC01) already speaks the vocabulary.
  const guess = vocabulary.has(code) ? code : (BY_WORDS.find(([re]) => re.test(words))?.[1] ?? (statuses[0] !== undefined ? canonicalForStatus(statuses[0]) : 'MS03'));
  const retry = vocabulary.get(guess)?.retry;
  const final4xx = statuses.some((s) => s >= 400 && s < 500 && !RETRYABLE_4XX.has(s));
  if (final4xx && retry !== 'never') return canonicalForStatus(statuses.find((s) => s >= 400 && s < 500 && !RETRYABLE_4XX.has(s)) ?? 400);
  if (statuses.length > 0 && statuses.every((s) => s >= 500) && retry === 'never') return 'PARTNER_UNAVAILABLE';
  return vocabulary.has(guess) ? guess : 'MS03';
}
