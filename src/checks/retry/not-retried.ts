import type { Operation } from '../../contract/index.ts';
import type { ErrorTrigger } from '../../errors/index.ts';
import type { RequestParts } from '../../http/index.ts';
import { setPointer, toPointer } from '../../json/index.ts';
import type { Partner } from '../../partner/index.ts';
import type { CodeRules, RetryRules } from '../../retry/index.ts';
import { loadCodeRules } from '../../retry/index.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import type { Check, CheckContext } from '../model.ts';
import { retriedFaultStatus, retryCheck } from './check.ts';
import { describeAttempts, seenSince } from './observe.ts';
import { freshParts } from './parts.ts';

/**
 * A failure the policy does not retry gets exactly one attempt: the partner's own 4xx (provoked by an
 * error trigger whose code is mapped never-retry), and a retried status whose body carries such a code.
 */
export function notRetried(op: Operation, rules: RetryRules, partner: Partner): Check {
  return retryCheck(op, 'a non-retryable failure is not retried', ['classification'], async (ctx) => {
    const codes = await loadCodeRules(partner.profile);
    const cases: Array<{ label: string; over?: RequestParts; setup?: () => void }> = [];
    const trigger = neverTrigger(partner, op, codes, rules);
    if (trigger) cases.push({ label: `the partner's ${trigger.code}`, over: { body: trigger.body, params: trigger.params, headers: trigger.headers } });
    const status = retriedFaultStatus(rules.on?.statuses);
    const never = neverCode(partner, codes, rules);
    const at = partner.profile.errors?.code;
    if (status && never && at) {
      const body = {};
      setPointer(body, toPointer(at), never);
      cases.push({
        label: `a ${status} carrying ${never} (mapped never-retry)`,
        setup: () => ctx.faults.schedule({ match: { operationId: op.id }, fault: { kind: 'status', status, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } }),
      });
    }
    if (cases.length === 0) throw new CheckSkipped(`no way to provoke a non-retryable failure of ${op.id}: no error trigger with a never-retry code, and no never-retry code in errors.map`);
    for (const c of cases) await expectOneAttempt(ctx, op, c.label, c.over, c.setup);
  });
}

async function expectOneAttempt(ctx: CheckContext, op: Operation, label: string, over: RequestParts | undefined, setup: (() => void) | undefined): Promise<void> {
  const { parts } = await freshParts(ctx, op, over);
  const mark = ctx.faults.log.length;
  setup?.();
  const call = await ctx.callWithRetry(op.id, parts, { label: `${op.id} with ${label}` });
  const seen = seenSince(ctx, mark, op.id);
  if (call.outcome === 'succeeded') throw new CheckFailure(`${op.id}: ${label} was expected to fail, but the call succeeded (the trigger did not fire)\n${describeAttempts(call)}`, { kind: 'configuration' });
  if (call.attempts.length !== 1 || seen.length !== 1) {
    throw new CheckFailure(`${op.id}: ${label} was retried (${call.attempts.length} attempts, ${seen.length} requests seen), though it is not retryable: ${call.summary}\n${describeAttempts(call)}`);
  }
}

/** An error trigger of this operation whose code is mapped never-retry and not listed as retried. */
function neverTrigger(partner: Partner, op: Operation, codes: CodeRules, rules: RetryRules): ErrorTrigger | undefined {
  return partner.profile.errors?.triggers?.find((t) => t.operation === op.id && codes.retryClassOf(t.code) === 'never' && !rules.on?.codes?.includes(t.code));
}

function neverCode(partner: Partner, codes: CodeRules, rules: RetryRules): string | undefined {
  return Object.keys(partner.profile.errors?.map ?? {}).find((c) => codes.retryClassOf(c) === 'never' && !rules.on?.codes?.includes(c));
}
