import type { CheckContext } from '../model.ts';
import { failOn, sendAttempt } from './attempt.ts';
import { countTransactions } from './count.ts';
import { judgeReplay } from './judge.ts';
import { mustSucceed } from './precondition.ts';
import { baseRequest, newKey } from './request.ts';
import type { Subject } from './subject.ts';

/** (1) Same key, same body: the original status and transaction again, and one transaction listed. */
export async function checkReplay(ctx: CheckContext, subject: Subject): Promise<void> {
  const { parts, reference } = await baseRequest(ctx, subject, 'REPLAY');
  const key = newKey(ctx.rng, subject.spec);
  const first = mustSucceed(await sendAttempt(ctx, subject, parts, key, 'first request'), 'the first request');
  const replay = await sendAttempt(ctx, subject, parts, key, 'replay, same body');
  const count = await countTransactions(ctx, subject, reference, [first, replay]);
  failOn(judgeReplay({ first, replay, count, spec: subject.spec }));
}
