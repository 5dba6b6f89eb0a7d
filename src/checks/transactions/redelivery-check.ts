import { getPointer, joinPointer, setPointer, splitPointer } from '../../json/index.ts';
import type { ResolvedMovement } from '../../transactions/index.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import type { CheckContext } from '../model.ts';
import { createTransaction } from './create.ts';
import { reachableHooks, webhookGrace } from './webhooks-check.ts';
import { patient } from '../patience.ts';

/**
 * The receiver answers 503 to the first event about a new transaction: the partner must deliver that
 * event again with the same event id (a new id per attempt defeats every merchant's deduplication), and
 * railgate's receiver must count it once — also when the accepted delivery arrives yet again.
 */
export async function checkRedelivery(ctx: CheckContext, m: ResolvedMovement): Promise<void> {
  const hooks = reachableHooks(ctx, m);
  if (!ctx.partner.profile.webhooks?.redelivery) throw new CheckSkipped(`webhooks.redelivery is not declared: ${ctx.partner.id} does not document redelivering refused webhooks`);
  if (!m.spec.reference) throw new CheckSkipped(`transactions.${m.key}.reference is not declared: railgate cannot tell its transaction's first event from others`);
  const reference = `RG-TX-${ctx.rng.alnum(12)}`;
  const refAt = joinPointer('/data', ...splitPointer(m.spec.reference));
  hooks.refusals.refuseNext((d) => {
    try {
      return getPointer(JSON.parse(d.body), refAt) === reference;
    } catch {
      return false;
    }
  });
  const body = {};
  setPointer(body, m.spec.reference, reference);
  const tx = await createTransaction(ctx, { ...m, spec: { ...m.spec, reference: undefined } }, body);
  const refused = await ctx.report.step(`railgate's receiver answers 503 to the first event about ${tx.id}`, () => waitFor(ctx, m, () => hooks.receiver.deliveries().find((d) => d.refusal?.step === 'receiver-unavailable' && bodyHas(d.body, refAt, reference))));
  if (!refused) throw new CheckFailure(`${m.key} ${tx.id}: no event about it reached railgate's receiver`);
  const again = await ctx.report.step(`${ctx.partner.id} redelivers ${refused.eventId ?? 'the event'}`, () =>
    waitFor(ctx, m, () => hooks.receiver.deliveries().find((d) => d.seq > refused.seq && !d.refusal && bodyHas(d.body, refAt, reference) && sameState(d.body, refused.body, m))),
  );
  if (!again) throw new CheckFailure(`${m.key} ${tx.id}: event ${refused.eventId ?? `#${refused.seq}`} was refused with 503 and never delivered again`);
  if (again.eventId !== refused.eventId) {
    throw new CheckFailure(`${m.key} ${tx.id}: the redelivery of ${refused.eventId} came as a new event ${again.eventId}: receivers cannot deduplicate it`);
  }
  // The accepted delivery once more, byte for byte (a partner whose 2xx got lost): acknowledged, counted once.
  const headers = Object.fromEntries(Object.entries(again.headers).filter(([k]) => !HOP_BY_HOP.has(k)));
  const status = await ctx.report.step(`deliver ${again.eventId} once more: acknowledged and counted once`, async () => {
    // railgate's own client: its connection is one the run's clock watches.
    const sent = await ctx.client.send({ method: 'POST', url: hooks.receiver.url, headers, body: again.body }, patient(ctx));
    return sent.response?.status ?? 0;
  });
  const kept = hooks.receiver.events().filter((d) => d.eventId === again.eventId).length;
  if (status >= 300 || kept !== 1) throw new CheckFailure(`${m.key} ${tx.id}: a redelivery of ${again.eventId} was answered ${status} and the event is kept ${kept} times (1 due)`, { kind: 'configuration' });
}

/** Headers of the transport, not of the delivery: the client sets its own. */
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

async function waitFor<T>(ctx: CheckContext, m: ResolvedMovement, find: () => T | undefined): Promise<T | undefined> {
  const hooks = ctx.auth.webhooks!;
  const until = ctx.clock.now() + webhookGrace(ctx, m);
  let seq = 0;
  for (;;) {
    const found = find();
    if (found) return found;
    const left = until - ctx.clock.now();
    if (left <= 0) return undefined;
    const next = await hooks.receiver.next(seq, left);
    if (!next) return find();
    seq = next.seq;
  }
}

function bodyHas(body: string, pointer: string, value: string): boolean {
  try {
    return getPointer(JSON.parse(body), pointer) === value;
  } catch {
    return false;
  }
}

function sameState(a: string, b: string, m: ResolvedMovement): boolean {
  try {
    return m.events ? getPointer(JSON.parse(a), m.events.state) === getPointer(JSON.parse(b), m.events.state) : true;
  } catch {
    return false;
  }
}
