import type { Operation } from '../../contract/index.ts';
import type { Check, CheckContext } from '../model.ts';
import { withCleanFaults } from './observe.ts';

/** A retry check of one operation: named after it, run with its faults clean before and after. */
export function retryCheck(op: Operation, what: string, tags: string[], run: (ctx: CheckContext) => Promise<void>): Check {
  return {
    name: `${op.id}: ${what}`,
    family: 'retry',
    severity: 'critical',
    tags: ['retry', ...tags],
    destructive: op.mutating,
    // Its faults hit its own requests only, and it counts only its own (the fault layer as a check sees it).
    independent: true,
    run: (ctx) => withCleanFaults(ctx, () => run(ctx)),
  };
}

/** The status a fault should answer to be retried by this policy: 503 when it is listed, else another listed one. */
export function retriedFaultStatus(statuses: readonly number[] | undefined): 429 | 500 | 502 | 503 | 504 | undefined {
  const listed = new Set(statuses ?? []);
  return ([503, 502, 504, 500, 429] as const).find((s) => listed.has(s));
}
