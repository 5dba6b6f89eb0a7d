import type { Exchange, RequestParts } from '../../http/index.ts';
import { getPointer, setPointer } from '../../json/index.ts';
import { captureFor, isRefund, movesNoMoney, resolveMovements } from '../../transactions/index.ts';
import type { ResolvedMovement } from '../../transactions/index.ts';
import { requestExample as exampleOf } from '../../contract/index.ts';
import { probeParts } from '../contract/probe.ts';
import { followTransaction } from './follow.ts';
import { patientTimeouts } from '../patience.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import type { CheckContext } from '../model.ts';

/** A test transaction railgate created: its id and what it asked for (the money to find again everywhere). */
export interface CreatedTx {
  movement: ResolvedMovement;
  id: string;
  reference?: string;
  amount?: unknown;
  currency?: unknown;
  state?: string;
  exchange: Exchange;
}

/**
 * Creates one test transaction from the contract's request example with a fresh reference of its own
 * (`over` is merged in: a parent id, a magic value). The step label starts the story a reviewer follows.
 */
export async function createTransaction(ctx: CheckContext, m: ResolvedMovement, over: unknown = {}): Promise<CreatedTx> {
  const made = await attemptTransaction(ctx, m, over);
  if ('tx' in made) return made.tx;
  const res = made.refused.response!;
  throw new CheckFailure(`create ${article(m.key)} ${m.key}: ${m.spec.create} answered ${res.status} ${res.bodyText.slice(0, 200)}`, { kind: 'partner-defect' });
}

/** A create the partner may refuse (an over-refund): the transaction, or the partner's error answer. */
export async function attemptTransaction(ctx: CheckContext, m: ResolvedMovement, over: unknown = {}): Promise<{ tx: CreatedTx } | { refused: Exchange }> {
  const op = ctx.partner.contract.operations.get(m.spec.create);
  if (!op) throw new CheckFailure(`transactions.${m.key}.create names ${m.spec.create}, which is not in the contract`, { kind: 'configuration' });
  const body = structuredClone(over) as Record<string, unknown>;
  // A refund, capture or void applies to a transaction of its own: a fresh parent, made first.
  const link = m.spec.parent;
  if (link && getPointer(body, link.pointer) === undefined) {
    const parentMovement = resolveMovements(ctx.partner.profile).find((p) => p.key === link.transaction);
    if (!parentMovement) throw new CheckFailure(`transactions.${m.key}.parent names ${link.transaction}, which is not in transactions`, { kind: 'configuration' });
    const parent = await createTransaction(ctx, parentMovement);
    if (isRefund(m)) await settleForRefund(ctx, parent);
    setPointer(body, link.pointer, /^\d+$/.test(parent.id) && typeof getPointer(exampleOf(op), link.pointer) === 'number' ? Number(parent.id) : parent.id);
  }
  const reference = m.spec.reference ? `RG-TX-${ctx.rng.alnum(12)}` : undefined;
  if (m.spec.reference && reference) setPointer(body, m.spec.reference, reference);
  const probe = await probeParts(ctx, op, { body });
  if (!probe.parts) throw new CheckSkipped(probe.skip ?? `no request can be built for ${op.id}`);
  const parts: RequestParts = probe.parts;
  const sent = parts.body;
  const exchange = await ctx.call(op.id, parts, `create ${article(m.key)} ${m.key}${reference ? ` (reference ${reference})` : ''}`, { timeouts: patientTimeouts(ctx) });
  const res = exchange.response;
  if (res && res.status >= 400 && res.status < 500) return { refused: exchange };
  if (!res || res.status >= 300) {
    throw new CheckFailure(`create ${article(m.key)} ${m.key}: ${op.id} answered ${res ? `${res.status} ${res.bodyText.slice(0, 200)}` : `nothing (${exchange.error?.code})`}`, { kind: res ? 'partner-defect' : 'configuration' });
  }
  const id = getPointer(res.body, m.idPointer);
  if (typeof id !== 'string' && typeof id !== 'number') throw new CheckFailure(`create ${article(m.key)} ${m.key}: the answer has no id at ${m.idPointer}`, { kind: 'contract-drift' });
  const state = getPointer(res.body, m.statePointer);
  const tx: CreatedTx = {
    movement: m,
    id: String(id),
    ...(reference ? { reference } : {}),
    ...(m.amountPointer ? { amount: getPointer(sent, m.amountPointer) } : {}),
    ...(m.currencyPointer ? { currency: getPointer(sent, m.currencyPointer) } : {}),
    ...(typeof state === 'string' ? { state } : {}),
    exchange,
  };
  await ctx.report.step(`${m.key} ${tx.id} created${tx.state ? ` in ${tx.state}` : ''}`, async () => undefined);
  return { tx };
}

/**
 * A transaction that rests until a child acts (an authorization until captured or voided) is moved by the
 * first movement whose `parent.settles` names it: created here against it, as our integration would.
 */
export async function driveByChild(ctx: CheckContext, tx: CreatedTx): Promise<CreatedTx | undefined> {
  const child = resolveMovements(ctx.partner.profile).find((c) => c.spec.parent?.transaction === tx.movement.key && c.spec.parent.settles !== undefined);
  if (!child || !child.spec.parent) return undefined;
  const body = {};
  setPointer(body, child.spec.parent.pointer, tx.id);
  return createTransaction(ctx, child, body);
}

/**
 * Makes a fresh parent refundable, as an integration would before refunding: an authorization is captured in
 * full (the profile's capture movement for it) and the capture followed until it settles; a parent without
 * captures (a payout, a collection) is followed until it settles itself. What moved money is returned.
 */
export async function settleForRefund(ctx: CheckContext, parent: CreatedTx): Promise<{ capture?: CreatedTx; state?: string }> {
  const capture = captureFor(resolveMovements(ctx.partner.profile), parent.movement.key);
  if (!capture) {
    const state = (await followTransaction(ctx, parent)).final;
    if (state === undefined || movesNoMoney(parent.movement, state)) throw new CheckFailure(`${parent.movement.key} ${parent.id} ended ${state ?? 'unread'}: no money moved to refund`, { kind: 'partner-defect' });
    return { state };
  }
  const body: Record<string, unknown> = {};
  setPointer(body, capture.spec.parent!.pointer, parent.id);
  // The whole authorized amount: what is then refundable is the parent's own amount.
  if (capture.amountPointer && parent.amount !== undefined) setPointer(body, capture.amountPointer, parent.amount);
  if (capture.currencyPointer && parent.currency !== undefined) setPointer(body, capture.currencyPointer, parent.currency);
  const captured = await createTransaction(ctx, capture, body);
  const state = (await followTransaction(ctx, captured)).final;
  if (state === undefined || movesNoMoney(capture, state)) throw new CheckFailure(`${capture.key} ${captured.id} of ${parent.id} ended ${state ?? 'unread'}: nothing was captured to refund`, { kind: 'partner-defect' });
  return { capture: captured, state };
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}
