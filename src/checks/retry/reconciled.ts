import type { Operation } from '../../contract/index.ts';
import type { TransactionSpec } from '../../profile/index.ts';
import type { RetryRules } from '../../retry/index.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import type { Check } from '../model.ts';
import { retryCheck } from './check.ts';
import { describeAttempts } from './observe.ts';
import { freshParts } from './parts.ts';
import { reconcile } from './reconcile.ts';

/**
 * The lost response: the partner commits, the answer never arrives, the client times out. Whatever the
 * client did next, the partner's own read and list must show exactly one transaction — the one the
 * call's final answer names, when it has one.
 */
export function reconciledAfterTimeout(op: Operation, rules: RetryRules, tx: TransactionSpec): Check {
  const retriesTimeouts = (rules.attempts ?? 1) > 1 && rules.on?.network?.includes('timeout') === true;
  return retryCheck(op, 'after an ambiguous timeout the final state is reconciled, with no duplicate', ['lost-response', 'reconcile'], async (ctx) => {
    const { parts, reference } = await freshParts(ctx, op);
    ctx.faults.schedule({ match: { operationId: op.id }, fault: { kind: 'drop-response' } });
    const call = await ctx.callWithRetry(op.id, parts, { label: `${op.id} whose first answer is lost` });
    const found = await reconcile(ctx, tx, reference, call.final);
    const attempts = describeAttempts(call);
    if (found.count === undefined && !found.readBack) throw new CheckSkipped(`cannot reconcile ${op.id}: the profile's transaction gives no list by reference and the call named no id to read`);
    if (found.count !== undefined && found.count > 1) {
      throw new CheckFailure(`${op.id}: after the lost response and ${call.attempts.length - 1} retr${call.attempts.length === 2 ? 'y' : 'ies'} with the same key, ${found.count} transactions exist (${found.ids.join(', ')}, by ${found.via}): a duplicate\n${attempts}`);
    }
    if (call.outcome === 'succeeded') {
      if (found.readBack && found.readBack.status >= 300) throw new CheckFailure(`${op.id}: the retry answered ${found.readBack.id}, but reading it back gives ${found.readBack.status}\n${attempts}`);
      // No answer to the read-back (its own retries spent) proves nothing found: never a pass.
      if (found.readBack && found.readBack.status === 0 && found.count === undefined) throw new CheckFailure(`${op.id}: the retry answered ${found.readBack.id}, but reading it back got no answer\n${attempts}`);
      if (found.count === 0 || (found.count !== undefined && found.readBack && !found.ids.includes(found.readBack.id))) {
        throw new CheckFailure(`${op.id}: the retry answered ${found.readBack?.id ?? 'a transaction'}, but the partner's list by reference shows ${found.ids.join(', ') || 'none'}\n${attempts}`);
      }
      return;
    }
    // Not retried (or the retries failed): the outcome is unknown to the client, and the reconciliation says it.
    if (retriesTimeouts) throw new CheckFailure(`${op.id}: the policy retries timeouts, yet the call did not recover from the lost response: ${call.summary}; the partner shows ${found.count ?? 'an unknown number of'} transaction(s) by ${found.via}\n${attempts}`);
    if (found.count === 0) throw new CheckFailure(`${op.id}: the partner received the request (the fault layer forwarded it) but its list shows no transaction for it\n${attempts}`);
  });
}
