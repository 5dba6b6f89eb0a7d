import type { CheckOutcome, OperationCoverage, OperationRow } from './model.ts';

/**
 * The contract's operations and what the profile says of them: which the integration uses, which it leaves out
 * and why. In a receiver's contract the events the partner sends stand beside them (`received`): exercised when
 * a check delivered one to railgate's receiver.
 */
export interface OperationScope {
  all: readonly { id: string; method: string; path: string; received?: boolean }[];
  /** Default: every operation. */
  used?: readonly string[];
  excluded?: Readonly<Record<string, string>>;
  /** Default 1. */
  min?: number;
}

/** Which checks called each operation (pure): every outcome's `operations` (its delivered `webhooks` for an event), whatever the check's status. */
export function operationCoverage(scope: OperationScope, outcomes: readonly CheckOutcome[]): OperationCoverage {
  const used = new Set(scope.used ?? scope.all.map((o) => o.id));
  const rows: OperationRow[] = scope.all.map((op) => {
    const excluded = scope.excluded?.[op.id];
    return {
      operation: op.id,
      method: op.method.toUpperCase(),
      path: op.path,
      required: used.has(op.id) && excluded === undefined,
      ...(excluded === undefined ? {} : { excluded }),
      ...(op.received ? { received: true } : {}),
      checks: outcomes.filter((o) => (op.received ? o.evidence?.webhooks : o.operations)?.includes(op.id)).map((o) => ({ name: o.name, family: o.family, status: o.status })),
    };
  });
  const required = rows.filter((r) => r.required);
  const called = required.filter((r) => r.checks.length > 0).length;
  return { coverage: required.length === 0 ? 1 : called / required.length, min: scope.min ?? 1, rows };
}

/** The NO-GO reason when too few of the operations the integration uses were called, naming those never called (events never delivered). */
export function coverageReason(c: OperationCoverage): string | undefined {
  if (c.coverage >= c.min) return undefined;
  const never = c.rows.filter((r) => r.required && r.checks.length === 0);
  const required = c.rows.filter((r) => r.required);
  const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
  const what = required.every((r) => r.received) ? 'webhooks' : required.some((r) => r.received) ? 'operations and webhooks' : 'operations';
  const called = never.filter((r) => !r.received).map((r) => r.operation);
  const delivered = never.filter((r) => r.received).map((r) => r.operation);
  const names = [...(called.length > 0 ? [`never called: ${called.join(', ')}`] : []), ...(delivered.length > 0 ? [`never delivered: ${delivered.join(', ')}`] : [])];
  return `operations: ${required.length - never.length} of ${required.length} ${what} the integration uses were exercised (${pct(c.coverage)}, ${pct(c.min)} required); ${names.join('; ')}`;
}
