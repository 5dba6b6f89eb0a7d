import { CheckFailure, CheckSkipped } from '../model.ts';
import type { CheckContext } from '../model.ts';
import { failOn, sendAttempt } from './attempt.ts';
import type { Answer } from './answer.ts';
import { describe, isSuccess } from './answer.ts';
import { countTransactions } from './count.ts';
import { judgeLostResponse } from './judge.ts';
import { mustBeDocumented } from './precondition.ts';
import { baseRequest, newKey } from './request.ts';
import type { Subject } from './subject.ts';

/** How often the client looks whether the partner has the request yet, profile ms on the run's clock. */
const WATCH_MS = 10;
/** Retries while the partner answers "in flight": waits doubling from this, on the run's clock. */
const FIRST_WAIT_MS = 250;
const MAX_WAIT_MS = 4_000;
const MAX_RETRIES = 10;

/**
 * (5) The lost response: the request reaches the partner and is committed, the answer never reaches us
 * (the fault layer drops it, the client gives up); the retry with the same key must get the original
 * outcome, and the partner must show one transaction.
 */
export async function checkLostResponse(ctx: CheckContext, subject: Subject): Promise<void> {
  const { spec, op } = subject;
  mustBeDocumented(subject.op, subject.spec.inFlight, 'inFlight');
  const { parts, reference } = await baseRequest(ctx, subject, 'LOST');
  const key = newKey(ctx.rng, spec);
  ctx.faults.schedule({ match: { operationId: op.id }, times: 1, fault: { kind: 'drop-response' } });
  // The client gives up as soon as the partner has the request (the fault layer forwarded it): the retry
  // then arrives while the first is still processed — the hardest case for a key store — and, when the
  // partner is faster than that, after it committed (the classic lost response). Both must replay.
  const giveUp = new AbortController();
  const watching = watchForwarded(ctx, subject.spec.header, key, giveUp);
  const lost = await sendAttempt(ctx, subject, parts, key, 'request whose answer is lost', { signal: giveUp.signal });
  giveUp.abort();
  await watching;
  stagedOrFail(ctx, subject, key, lost);
  const retries: Answer[] = [];
  for (let i = 1, wait = FIRST_WAIT_MS; i <= MAX_RETRIES; i++, wait = Math.min(wait * 2, MAX_WAIT_MS)) {
    const retry = await sendAttempt(ctx, subject, parts, key, `retry ${i}, same key`);
    retries.push(retry);
    if (isSuccess(retry) || spec.inFlight === 'replay' || retry.status !== spec.inFlight.status) break;
    await ctx.clock.sleep(wait);
  }
  const count = await countTransactions(ctx, subject, reference, retries);
  failOn(judgeLostResponse({ retries, count, spec }));
  // The lost answer named no id: reads of the ids seen cannot show a second transaction. Not a pass.
  if (subject.count.via === 'read') throw new CheckSkipped(`the retry got the original outcome (${describe(retries.at(-1)!)}), but a second transaction from the lost request cannot be seen: ${subject.count.why}`);
}

/** Aborts `giveUp` once the fault layer has forwarded the request with this key (or when it is aborted otherwise). */
async function watchForwarded(ctx: CheckContext, header: string, key: string, giveUp: AbortController): Promise<void> {
  const name = header.toLowerCase();
  while (!giveUp.signal.aborted) {
    if (ctx.faults.log.some((e) => e.headers[name] === key && e.forwarded)) return giveUp.abort(new Error('the client gave up: the partner has the request, its answer is lost'));
    await ctx.clock.sleep(WATCH_MS);
  }
}

/** The fault layer must have forwarded the request and dropped its answer; else nothing was tested. */
function stagedOrFail(ctx: CheckContext, subject: Subject, key: string, lost: Answer): void {
  const event = ctx.faults.log.find((e) => e.headers[subject.spec.header.toLowerCase()] === key);
  if (lost.status !== undefined || event?.outcome !== 'drop-response') {
    throw new CheckFailure(`the lost response was not staged: the fault layer ${event ? `handled the request as '${event.outcome}'` : 'never saw the request'}${lost.status !== undefined ? `, and the client got ${lost.status}` : ''}`, { kind: 'configuration' });
  }
  if (!event.forwarded) throw new CheckFailure(`the lost response was not staged: the request never reached the partner (${event.error ?? 'not forwarded'})`, { kind: 'configuration' });
}
