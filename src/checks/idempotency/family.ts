import { resolveIdempotency } from '../../idempotency/index.ts';
import type { Partner } from '../../partner/index.ts';
import { CheckSkipped } from '../model.ts';
import type { Check, CheckContext, CheckFamily } from '../model.ts';
import { checkConcurrency } from './concurrency.ts';
import { checkDistinctKeys } from './distinct-keys.ts';
import { checkLostResponse } from './lost-response.ts';
import { checkMismatch } from './mismatch.ts';
import { checkMissingKey } from './missing-key.ts';
import { checkReplay } from './replay.ts';
import { idempotencySubject } from './subject.ts';
import type { Subject } from './subject.ts';

type Run = (ctx: CheckContext, subject: Subject) => Promise<void>;

/** The six checks of each idempotent operation, in the order they run; `n` is the concurrency. */
const CHECKS: ReadonlyArray<{ tag: string; title: (n: number) => string; run: Run }> = [
  { tag: 'replay', title: () => 'replay: same key and body give the original answer and one transaction', run: checkReplay },
  { tag: 'mismatch', title: () => 'mismatch: same key with another amount gives the documented conflict and no second transaction', run: checkMismatch },
  { tag: 'concurrency', title: (n) => `concurrency: ${n} simultaneous requests with one key make one transaction`, run: checkConcurrency },
  { tag: 'missing-key', title: () => 'missing key: a request without the key gets the documented answer', run: checkMissingKey },
  { tag: 'lost-response', title: () => 'lost response: the retry with the same key gets the original outcome and one transaction', run: checkLostResponse },
  { tag: 'distinct-keys', title: () => 'distinct keys: two keys with the same body make two transactions', run: checkDistinctKeys },
];

/**
 * Family `idempotency` (issue 4): for every operation the profile marks idempotent, the partner cannot be
 * made to move money twice — replays, conflicts, concurrent duplicates, a missing key, the lost response.
 * Transactions are counted through the partner's own read/list operations (docs/decisions/idempotency.md).
 */
export const idempotencyFamily: CheckFamily = {
  family: 'idempotency',
  severity: 'blocker',
  plan(partner: Partner): Check[] {
    const spec = resolveIdempotency(partner.profile);
    if (!spec) return [];
    return spec.operations.flatMap((opId) => {
      const subject = idempotencySubject(partner, opId);
      return CHECKS.map(({ tag, title, run }) => ({
        name: `${opId} ${title(spec.concurrency)}`,
        family: 'idempotency' as const,
        severity: 'blocker' as const,
        tags: ['idempotency', tag],
        destructive: true,
        // Each counts only the transactions of its own fresh key and reference; the lost response's fault is its own.
        independent: true,
        run: (ctx: CheckContext) => ('skip' in subject ? Promise.reject(new CheckSkipped(subject.skip)) : run(ctx, subject)),
      }));
    });
  },
};
