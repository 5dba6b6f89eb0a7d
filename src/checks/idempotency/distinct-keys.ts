import type { CheckContext } from '../model.ts';
import { failOn, sendAttempt } from './attempt.ts';
import { countTransactions } from './count.ts';
import { judgeDistinctKeys } from './judge.ts';
import { baseRequest, newKey } from './request.ts';
import type { Subject } from './subject.ts';

/** (6) Two keys, one body: two transactions (two payouts of the same amount are legitimate), unless the partner dedupes on the body. */
export async function checkDistinctKeys(ctx: CheckContext, subject: Subject): Promise<void> {
  const { parts, reference } = await baseRequest(ctx, subject, 'TWOKEYS');
  const a = await sendAttempt(ctx, subject, parts, newKey(ctx.rng, subject.spec), 'first key');
  const b = await sendAttempt(ctx, subject, parts, newKey(ctx.rng, subject.spec), 'second key, same body');
  const count = await countTransactions(ctx, subject, reference, [a, b]);
  failOn(judgeDistinctKeys({ a, b, count, spec: subject.spec }));
}
