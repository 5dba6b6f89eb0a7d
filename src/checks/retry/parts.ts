import type { Operation } from '../../contract/index.ts';
import type { RequestParts } from '../../http/index.ts';
import { getPointer, setPointer } from '../../json/index.ts';
import type { Partner } from '../../partner/index.ts';
import type { TransactionSpec } from '../../profile/index.ts';
import { CheckSkipped } from '../model.ts';
import type { CheckContext } from '../model.ts';
import { probeParts } from '../contract/probe.ts';

/** The transaction an operation creates, when the profile says it creates one. */
export function createdBy(partner: Partner, operationId: string): TransactionSpec | undefined {
  return Object.values(partner.profile.transactions ?? {}).find((t) => t.create === operationId);
}

/**
 * A fresh request for the operation from the contract's examples: a new idempotency key, and for a create
 * a reference of its own, so the transactions this one call made can be counted afterwards.
 */
export async function freshParts(ctx: CheckContext, op: Operation, over: RequestParts = {}): Promise<{ parts: RequestParts; reference?: string }> {
  const tx = createdBy(ctx.partner, op.id);
  // A trigger's own reference (a sandbox's magic value) wins: it is what provokes the answer.
  const given = tx?.reference ? getPointer(over.body, tx.reference) : undefined;
  if (typeof given === 'string') return { ...(await probe(ctx, op, over)), reference: given };
  const reference = tx?.reference ? `RG-RETRY-${ctx.rng.alnum(12)}` : undefined;
  let body = over.body;
  if (reference && tx?.reference) {
    body = structuredClone(over.body ?? {});
    setPointer(body, tx.reference, reference);
  }
  return { ...(await probe(ctx, op, { ...over, ...(body !== undefined && { body }) })), reference };
}

async function probe(ctx: CheckContext, op: Operation, over: RequestParts): Promise<{ parts: RequestParts }> {
  const made = await probeParts(ctx, op, over);
  if (!made.parts) throw new CheckSkipped(`cannot build a ${op.id} request: ${made.skip ?? 'the contract gives no example'}`);
  return { parts: made.parts };
}
