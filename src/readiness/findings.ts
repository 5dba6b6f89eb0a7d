import type { CheckOutcome, CheckStatus } from './model.ts';

/** Checks of one family that ended the same way for the same reason: one cause, told once. */
export interface Finding {
  status: CheckStatus;
  reason: string;
  checks: CheckOutcome[];
}

/**
 * The checks with the given statuses, in that order of statuses, grouped by family and identical reason: a
 * setup step that fails takes 48 checks down with one message, and the reviewer reads it once.
 */
export function findings(checks: readonly CheckOutcome[], statuses: readonly CheckStatus[]): Finding[] {
  const groups = new Map<string, Finding>();
  for (const status of statuses) {
    for (const c of checks) {
      if (c.status !== status) continue;
      const reason = c.reason ?? 'no reason given';
      const key = JSON.stringify([status, c.family, reason]);
      let f = groups.get(key);
      if (!f) groups.set(key, (f = { status, reason, checks: [] }));
      f.checks.push(c);
    }
  }
  return [...groups.values()];
}
