import type { Exchange } from '../../http/index.ts';
import { getPointer, splitPointer } from '../../json/index.ts';
import type { TransactionSpec } from '../../profile/index.ts';
import { CheckFailure } from '../model.ts';
import type { CheckContext } from '../model.ts';

export interface Reconciled {
  /** Transactions carrying the call's reference, by the partner's own list; undefined when it cannot list. */
  count?: number;
  ids: string[];
  /** The listed transactions carrying the reference, as the partner returned them. */
  items: unknown[];
  /** The id the call's answer named, read back through the read operation. */
  readBack?: { id: string; status: number; body?: unknown };
  /** How it was found out, for messages. */
  via: string;
}

/**
 * The final state as the partner itself reports it, through its own list and read operations — never the
 * simulator's memory, so the same check holds against a sandbox.
 */
export async function reconcile(ctx: CheckContext, tx: TransactionSpec, reference: string | undefined, final: Exchange): Promise<Reconciled> {
  const out: Reconciled = { ids: [], items: [], via: '' };
  const listOp = tx.list ? ctx.partner.contract.operations.get(tx.list) : undefined;
  const refField = tx.reference ? splitPointer(tx.reference).at(-1) : undefined;
  if (listOp && reference && refField && listOp.parameters.some((p) => p.in === 'query' && p.name === refField)) {
    // Under its own retry policy: a read lost to a timeout must not hide a duplicate.
    const listed = (await ctx.callWithRetry(listOp.id, { query: { [refField]: reference } }, { label: `reconcile: ${listOp.id} ${refField}=${reference}` })).final;
    if (!listed.response || listed.response.status >= 300) {
      throw new CheckFailure(`cannot reconcile: ${listOp.id}?${refField}=${reference} answered ${listed.response?.status ?? `${listed.error?.code} ${listed.error?.message}`}`, { kind: 'configuration' });
    }
    const items = itemsOf(listed.response.body).filter((i) => getPointer(i, tx.reference!) === reference);
    out.count = items.length;
    out.items = items;
    out.ids = items.map((i) => String(getPointer(i, tx.id ?? '/id')));
    out.via = `${listOp.id}?${refField}=${reference}`;
  }
  const id = final.response && final.response.status < 300 ? getPointer(final.response.body, tx.id ?? '/id') : undefined;
  const readOp = ctx.partner.contract.operations.get(tx.read);
  const param = tx.idParam ?? readOp?.parameters.find((p) => p.in === 'path')?.name;
  if (readOp && param && (typeof id === 'string' || typeof id === 'number')) {
    const read = (await ctx.callWithRetry(readOp.id, { params: { [param]: id } }, { label: `reconcile: ${readOp.id} ${id}` })).final;
    out.readBack = { id: String(id), status: read.response?.status ?? 0, ...(read.response ? { body: read.response.body } : {}) };
    out.via += `${out.via ? ', ' : ''}${readOp.id}(${id})`;
  }
  return out;
}

/** A list body's items: the body itself when it is an array, else its first array property (`data`, `items` …). */
function itemsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object') return (Object.values(body).find((v) => Array.isArray(v)) as unknown[] | undefined) ?? [];
  return [];
}
