import type { Exchange, RequestParts } from '../../http/index.ts';
import { getPointer, setPointer } from '../../json/index.ts';
import { resolveMovements } from '../../transactions/index.ts';
import type { ResolvedMovement } from '../../transactions/index.ts';
import { requestExample as exampleOf } from '../../contract/index.ts';
import { probeParts } from '../contract/probe.ts';
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
  const op = ctx.partner.contract.operations.get(m.spec.create);
  if (!op) throw new CheckFailure(`transactions.${m.key}.create names ${m.spec.create}, which is not in the contract`, { kind: 'configuration' });
  const body = structuredClone(over) as Record<string, unknown>;
  // A refund, capture or void applies to a transaction of its own: a fresh parent, made first.
  const link = m.spec.parent;
  if (link && getPointer(body, link.pointer) === undefined) {
    const parentMovement = resolveMovements(ctx.partner.profile).find((p) => p.key === link.transaction);
    if (!parentMovement) throw new CheckFailure(`transactions.${m.key}.parent names ${link.transaction}, which is not in transactions`, { kind: 'configuration' });
    const parent = await createTransaction(ctx, parentMovement);
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
  return tx;
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

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}
