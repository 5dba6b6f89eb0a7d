import { DEFAULT_RULES } from './redact.ts';
import type { RedactionRules } from './redact.ts';

let known: RedactionRules = DEFAULT_RULES;

/**
 * The run's redaction rules, for what has no session at hand: the Allure sink (one for every partner) and a
 * check's failure as it leaves the check. Each session hands over its rules as it reports an exchange
 * (open-session.ts), so they know every secret value any session of this process holds, the live tokens
 * included; a secret can only reach a report through an exchange, and every exchange is reported first.
 */
export function runRules(): RedactionRules {
  return known;
}

/** Adds a session's rules to the run's; returns the run's. */
export function rememberRules(rules: RedactionRules): RedactionRules {
  known = mergeRules(known, rules);
  return known;
}

/** The union of two rule sets; `a` itself when `b` adds nothing (rules are handed over on every exchange). */
export function mergeRules(a: RedactionRules, b: RedactionRules): RedactionRules {
  const values = b.secretValues.filter((v) => !a.secretValues.includes(v));
  const patterns = b.patterns.filter((p) => !a.patterns.some((q) => q.source === p.source));
  const grows = (x: ReadonlySet<string>, y: ReadonlySet<string>): boolean => [...y].some((v) => !x.has(v));
  if (values.length === 0 && patterns.length === 0 && !grows(a.secretHeaders, b.secretHeaders) && !grows(a.secretKeys, b.secretKeys) && !grows(a.accountKeys, b.accountKeys) && !grows(a.removedKeys, b.removedKeys)) return a;
  return {
    secretHeaders: new Set([...a.secretHeaders, ...b.secretHeaders]),
    secretKeys: new Set([...a.secretKeys, ...b.secretKeys]),
    accountKeys: new Set([...a.accountKeys, ...b.accountKeys]),
    removedKeys: new Set([...a.removedKeys, ...b.removedKeys]),
    secretValues: [...a.secretValues, ...values],
    patterns: [...a.patterns, ...patterns],
  };
}
