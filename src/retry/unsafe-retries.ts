import type { Contract, Operation } from '../contract/index.ts';
import type { Profile } from '../profile/model.ts';
import { statusesOfCode } from './documented.ts';
import { effectiveRules } from './policy.ts';
import type { RetryOn } from './spec.ts';

export interface UnsafeRetry {
  operationId: string;
  /** Path in the profile of the rule that asks for the retry. */
  path: Array<string | number>;
  message: string;
}

/**
 * Pure lint rule: an operation that is not idempotent (POST or PATCH, not in `idempotency.operations`)
 * must never be retried once the request may have reached the partner — after a 5xx, a reset or a
 * timeout it may have committed, and a retry without a key could move the money twice. 429 and
 * `refused` are safe: the partner turned the request away, or never got it.
 */
export function unsafeRetries(profile: Profile, contract: Contract): UnsafeRetry[] {
  const keyed = new Set(profile.idempotency?.operations ?? []);
  const out: UnsafeRetry[] = [];
  for (const op of contract.operations.values()) {
    if ((op.method !== 'post' && op.method !== 'patch') || keyed.has(op.id)) continue;
    const rules = effectiveRules(profile, op.id);
    if (!rules || (rules.attempts ?? 1) <= 1) continue;
    const on = rules.on ?? {};
    const asks = [
      ...(on.statuses ?? []).filter((s) => s >= 500).map((s) => ({ key: 'statuses' as const, what: String(s) })),
      ...(on.network ?? []).filter((n) => n !== 'refused').map((n) => ({ key: 'network' as const, what: `a ${n}` })),
      ...(on.codes ?? []).filter((c) => !onlyClientErrors(op, c, profile.errors?.code)).map((c) => ({ key: 'codes' as const, what: `code ${c}` })),
    ];
    if (asks.length === 0) continue;
    out.push({
      operationId: op.id,
      path: whereAsked(profile, op.id, asks[0]!.key),
      message:
        `${op.id} (${op.method.toUpperCase()}, no idempotency key) would be retried after ${asks.map((a) => a.what).join(', ')}, ` +
        'when the request may have reached the partner: a retry could commit it twice. ' +
        `List ${op.id} in idempotency.operations, or give retry.operations.${op.id}.on only 429 and 'refused' (or attempts: 1)`,
    });
  }
  return out;
}

/** The most specific place the profile says it: the operation's override, the section's `on`, else the section (defaults). */
function whereAsked(profile: Profile, operationId: string, key: keyof RetryOn): Array<string | number> {
  const override = profile.retry?.operations?.[operationId];
  if (override?.on?.[key]) return ['retry', 'operations', operationId, 'on', key];
  if (profile.retry?.on?.[key]) return ['retry', 'on', key];
  if (override) return ['retry', 'operations', operationId];
  return ['retry'];
}

/** A code the contract documents for this operation only under 4xx statuses: the partner refused, nothing happened. */
function onlyClientErrors(op: Operation, code: string, codeLocation: string | undefined): boolean {
  const statuses = codeLocation ? statusesOfCode(op, code, codeLocation) : [];
  return statuses.length > 0 && statuses.every((s) => /^4/.test(s));
}
