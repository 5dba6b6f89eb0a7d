import { redactBody, redactText } from './redact.ts';
import type { RedactionRules } from './redact.ts';
import { runRules } from './run-rules.ts';

/**
 * Makes a check's error safe to leave the check, in place: its message, stack, extra fields (a CheckFailure's
 * evidence) and causes. In place, so the error rethrown keeps its class and kind, which the outcome collector
 * reads. vitest makes the JUnit XML, the console report and the Allure result of the test from this error, and
 * the readiness reasons come from them: redacting it here covers them all. A skip reason is its message too.
 */
export function redactFailure<T>(error: T, rules: RedactionRules = runRules()): T {
  redactError(error, rules, new Set());
  return error;
}

function redactError(error: unknown, rules: RedactionRules, seen: Set<object>): void {
  if (error === null || typeof error !== 'object' || seen.has(error)) return;
  seen.add(error);
  const fields = error as Record<string, unknown>;
  if (error instanceof Error) {
    error.message = redactText(error.message, rules);
    if (error.stack !== undefined) error.stack = redactText(error.stack, rules);
    redactError(error.cause, rules, seen);
  }
  for (const key of Object.keys(fields)) {
    if (key === 'message' || key === 'stack' || key === 'cause') continue;
    fields[key] = redactBody(fields[key], rules);
  }
}
