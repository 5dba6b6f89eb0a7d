import type { CheckContext } from '../model.ts';
import { failOn, sendAttempt } from './attempt.ts';
import { countTransactions } from './count.ts';
import { judgeMissingKey } from './judge.ts';
import { mustBeDocumented } from './precondition.ts';
import { baseRequest } from './request.ts';
import type { Subject } from './subject.ts';

/** (4) No key: the documented refusal and no transaction, or — when the profile says so — accepted once. */
export async function checkMissingKey(ctx: CheckContext, subject: Subject): Promise<void> {
  mustBeDocumented(subject.op, subject.spec.missingKey, 'missingKey');
  const { parts, reference } = await baseRequest(ctx, subject, 'NOKEY');
  const answer = await sendAttempt(ctx, subject, parts, undefined, 'request without a key');
  const count = await countTransactions(ctx, subject, reference, [answer]);
  failOn(judgeMissingKey({ answer, count, spec: subject.spec }));
}
