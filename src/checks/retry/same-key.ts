import type { Operation } from '../../contract/index.ts';
import type { Fault } from '../../faults/index.ts';
import type { RetryRules } from '../../retry/index.ts';
import { CheckFailure } from '../model.ts';
import type { Check } from '../model.ts';
import { retriedFaultStatus, retryCheck } from './check.ts';
import { describeAttempts, seenSince } from './observe.ts';
import { freshParts } from './parts.ts';

/**
 * Every attempt carries the idempotency key of the first, read from the requests the fault layer saw
 * (not from the client's own record): a fresh key on a retry is how a lost answer becomes a second payout.
 */
export function sameKeyOnEveryAttempt(op: Operation, rules: RetryRules, header: string): Check | undefined {
  const status = retriedFaultStatus(rules.on?.statuses);
  const faults: Fault[] = [];
  if (status) faults.push({ kind: 'status', status });
  if (rules.on?.network?.includes('reset')) faults.push({ kind: 'reset', when: 'before-forward' });
  if (rules.on?.network?.includes('timeout')) faults.push({ kind: 'drop-response' });
  const usable = faults.slice(0, Math.max(0, (rules.attempts ?? 1) - 1));
  if (usable.length === 0) return undefined;
  return retryCheck(op, 'every attempt carries the same idempotency key', ['idempotency-key'], async (ctx) => {
    const { parts } = await freshParts(ctx, op);
    const sent = Object.entries(parts.headers ?? {}).find(([k]) => k.toLowerCase() === header.toLowerCase())?.[1];
    const mark = ctx.faults.log.length;
    for (const fault of usable) ctx.faults.schedule({ match: { operationId: op.id }, fault });
    const call = await ctx.callWithRetry(op.id, parts, { label: `${op.id} through ${usable.map((f) => f.kind).join(', ')}` });
    const seen = seenSince(ctx, mark, op.id);
    const keys = seen.map((e) => e.headers[header.toLowerCase()]);
    const expected = usable.length + 1;
    if (seen.length < expected) throw new CheckFailure(`${op.id}: expected ${expected} attempts (one per fault, then success), the fault layer saw ${seen.length}: ${call.summary}\n${describeAttempts(call)}`);
    const wrong = keys.map((k, i) => ({ k, i })).filter(({ k }) => k !== sent);
    if (!sent || wrong.length > 0) {
      throw new CheckFailure(`${op.id}: the attempts did not all carry the ${header} of the first (${sent ?? 'none'}): ${keys.map((k, i) => `attempt ${i + 1}: ${k ?? 'none'}`).join(', ')}`);
    }
  });
}
