import { CheckSkipped } from '../model.ts';
import type { CheckContext } from '../model.ts';
import { failOn, sendAttempt } from './attempt.ts';
import { countTransactions } from './count.ts';
import { judgeMismatch } from './judge.ts';
import { mustBeDocumented, mustSucceed } from './precondition.ts';
import { baseRequest, newKey, withOtherAmount } from './request.ts';
import type { Subject } from './subject.ts';

/** (2) Same key, another amount: the documented conflict, and still one transaction. */
export async function checkMismatch(ctx: CheckContext, subject: Subject): Promise<void> {
  mustBeDocumented(subject.op, subject.spec.mismatch, 'mismatch');
  const { parts, reference } = await baseRequest(ctx, subject, 'MISMATCH');
  const changed = withOtherAmount(parts);
  if (!changed) throw new CheckSkipped(`the request example of ${subject.op.id} has no amount (no number) to change`);
  const key = newKey(ctx.rng, subject.spec);
  const first = mustSucceed(await sendAttempt(ctx, subject, parts, key, 'first request'), 'the first request');
  const other = await sendAttempt(ctx, subject, changed, key, 'same key, another amount');
  const count = await countTransactions(ctx, subject, reference, [first, other]);
  failOn(judgeMismatch({ first, other, count, spec: subject.spec }));
}
