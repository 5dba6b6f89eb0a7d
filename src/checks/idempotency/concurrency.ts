import type { CheckContext } from '../model.ts';
import { failOn, sendAttempt } from './attempt.ts';
import { countTransactions } from './count.ts';
import { judgeConcurrency } from './judge.ts';
import { mustBeDocumented } from './precondition.ts';
import { baseRequest, newKey } from './request.ts';
import type { Subject } from './subject.ts';

/**
 * (3) N requests with one key at once: one transaction, every other answer the documented in-flight answer
 * or the replay. They leave together; a partner that checks the key and records it later lets several in.
 */
export async function checkConcurrency(ctx: CheckContext, subject: Subject): Promise<void> {
  mustBeDocumented(subject.op, subject.spec.inFlight, 'inFlight');
  const { parts, reference } = await baseRequest(ctx, subject, 'BURST');
  const key = newKey(ctx.rng, subject.spec);
  const n = subject.spec.concurrency;
  const answers = await ctx.report.step(`${n} simultaneous requests · ${subject.spec.header} ${key}`, () =>
    Promise.all(Array.from({ length: n }, (_, i) => sendAttempt(ctx, subject, parts, key, `request ${i + 1} of ${n}`))),
  );
  const count = await countTransactions(ctx, subject, reference, answers);
  failOn(judgeConcurrency({ answers, count, spec: subject.spec }));
}

