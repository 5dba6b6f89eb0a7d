import type { Partner } from '../../partner/index.ts';
import { effectiveRules, retriedOperations } from '../../retry/index.ts';
import type { Check, CheckFamily } from '../model.ts';
import { hungPartnerTimesOut } from './hung.ts';
import { stopsAtDeadline, stopsAtLimit } from './limits.ts';
import { notRetried } from './not-retried.ts';
import { createdBy } from './parts.ts';
import { reconciledAfterTimeout } from './reconciled.ts';
import { retriedThenSucceeds } from './retried.ts';
import { retryAfterHonoured } from './retry-after.ts';
import { sameKeyOnEveryAttempt } from './same-key.ts';

/**
 * Family `retry`: for every operation whose policy retries, the fault layer makes the network misbehave
 * and the checks judge the client's policy and the partner together. Everything goes through the
 * partner's own operations, so the same checks run against a sandbox.
 */
export const retryFamily: CheckFamily = {
  family: 'retry',
  severity: 'critical',
  plan(partner: Partner): Check[] {
    const header = partner.profile.idempotency?.header;
    const keyed = new Set(partner.profile.idempotency?.operations ?? []);
    return retriedOperations(partner.profile, partner.contract.operations.keys()).flatMap((id) => {
      const op = partner.contract.operations.get(id)!;
      const rules = effectiveRules(partner.profile, id)!;
      const tx = createdBy(partner, id);
      const checks: Array<Check | undefined> = [
        retriedThenSucceeds(op, rules),
        notRetried(op, rules, partner),
        header && keyed.has(id) ? sameKeyOnEveryAttempt(op, rules, header) : undefined,
        retryAfterHonoured(op, rules, partner),
        stopsAtLimit(op, rules),
        stopsAtDeadline(op, rules),
        tx ? reconciledAfterTimeout(op, rules, tx) : undefined,
        hungPartnerTimesOut(op, rules),
      ];
      return checks.filter((c): c is Check => c !== undefined);
    });
  },
};
