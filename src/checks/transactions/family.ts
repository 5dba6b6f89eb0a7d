import type { Partner } from '../../partner/index.ts';
import { resolveMovements } from '../../transactions/index.ts';
import type { ResolvedMovement } from '../../transactions/index.ts';
import { CheckSkipped } from '../model.ts';
import type { Check, CheckContext, CheckFamily } from '../model.ts';
import { checkLifecycle } from './lifecycle-check.ts';
import { checkReconciliation } from './reconcile-check.ts';
import { checkRedelivery } from './redelivery-check.ts';
import { checkRefundTotals, refundsAParent } from './refund-totals-check.ts';
import { checkWebhooks } from './webhooks-check.ts';

type Run = (ctx: CheckContext, m: ResolvedMovement) => Promise<void>;

/** The checks of each money movement with a state machine, in the order they run. */
const CHECKS: ReadonlyArray<{ tag: string; title: string; run: Run }> = [
  { tag: 'lifecycle', title: 'lifecycle: create, then reads reach a terminal state within the deadline by allowed transitions, with the money as created', run: checkLifecycle },
  { tag: 'webhooks', title: 'webhooks: every state change is announced by a valid event, with the money as created', run: checkWebhooks },
  { tag: 'redelivery', title: 'redelivery: a webhook refused with 503 comes again with the same event id, and is counted once', run: checkRedelivery },
];

/**
 * Whether a launch rests on this check: the lifecycle always; a check of a movement's webhooks only when the profile
 * has a webhooks section. Without one (a contract that declares no webhooks, as PayPal's) the partner sends none: the
 * check is planned and shown skipped with that reason, but it is no test transaction GO must see passed. A profile
 * with webhooks whose movement names no events still blocks GO when its check is skipped: that is a gap to fill.
 */
function announced(partner: Partner, tag: string): boolean {
  return tag === 'lifecycle' || partner.profile.webhooks !== undefined;
}

/**
 * Family `transactions` (issue 7): test transactions through their lifecycle per money movement, the
 * partner's webhooks about them, and — after everything else the partner's checks did — reconciliation
 * of every transaction railgate created (docs/decisions/transactions.md).
 */
export const transactionsFamily: CheckFamily = {
  family: 'transactions',
  severity: 'critical',
  plan(partner: Partner): Check[] {
    const movements = resolveMovements(partner.profile);
    const checks: Check[] = movements.flatMap((m) =>
      CHECKS.map(({ tag, title, run }) => ({
        name: `${m.key} ${title}`,
        family: 'transactions' as const,
        severity: 'critical' as const,
        tags: [...(announced(partner, tag) ? ['test-transaction'] : []), tag],
        destructive: true,
        // Each follows its own transaction, and the events and refusals of its own id or reference.
        independent: true,
        run: (ctx: CheckContext) => (m.machine ? run(ctx, m) : Promise.reject(new CheckSkipped(`transactions.${m.key}.states is not declared: there is no machine to follow`))),
      })),
    );
    for (const m of movements.filter(refundsAParent)) {
      checks.push({
        name: `${m.key} totals: ${m.key}s of one ${m.spec.parent!.transaction} never add up to more than was captured of it`,
        family: 'transactions',
        severity: 'critical',
        tags: ['test-transaction', 'refund-totals'],
        destructive: true,
        independent: true,
        run: (ctx: CheckContext) => checkRefundTotals(ctx, m),
      });
    }
    if (movements.length === 0) return checks;
    checks.push({
      name: 'reconciliation: every transaction railgate created is found again with its money, and its read state agrees with its last webhook',
      family: 'transactions',
      severity: 'critical',
      tags: ['test-transaction', 'reconciliation'],
      destructive: false,
      runsLast: true,
      run: checkReconciliation,
    });
    return checks;
  },
};
