import { getPointer } from '../../json/index.ts';
import { CheckFailure } from '../model.ts';
import type { CheckContext } from '../model.ts';
import { isSuccess } from './answer.ts';
import { patientTimeouts } from '../patience.ts';
import type { Answer } from './answer.ts';
import type { TxCount } from './judge.ts';
import type { Subject } from './subject.ts';

/**
 * Counts the transactions one check made, through the partner's own API (never the simulator's store),
 * so the same check runs against a sandbox: the list filtered by the check's reference, else a read of
 * each id the answers named — which cannot see a duplicate the partner never named, and says so.
 */
export async function countTransactions(ctx: CheckContext, subject: Subject, reference: string | undefined, named: readonly Answer[]): Promise<TxCount> {
  const { count } = subject;
  if (count.via === 'list' && reference !== undefined) {
    const e = await ctx.call(count.list.id, { query: { [count.query]: reference } }, `count the transactions: ${count.list.id} ${count.query}=${reference}`, { timeouts: patientTimeouts(ctx) });
    const status = e.response?.status;
    if (status === undefined || status < 200 || status >= 300) {
      throw new CheckFailure(`cannot count transactions: ${count.list.id} answered ${status ?? e.error?.code ?? 'nothing'}`, { kind: 'configuration' });
    }
    // A partner that ignores the filter must not make other transactions look like duplicates.
    const ours = itemsOf(e.response?.body).filter((item) => subject.referencePointer === undefined || [reference, undefined].includes(getPointer(item, subject.referencePointer) as string));
    return { ids: ours.map((item) => String(getPointer(item, subject.idPointer))), how: `${count.list.id}?${count.query}=${reference}` };
  }
  const read = count.via === 'read' ? count : undefined;
  if (!read) throw new CheckFailure(`cannot count transactions: the check made no reference`, { kind: 'configuration' });
  const ids = [...new Set(named.filter(isSuccess).flatMap((a) => (a.id === undefined ? [] : [a.id])))];
  const found: string[] = [];
  for (const id of ids) {
    const e = await ctx.call(read.read.id, { params: { [read.idParam]: id } }, `count the transactions: ${read.read.id} ${id}`, { timeouts: patientTimeouts(ctx) });
    if (e.response && e.response.status >= 200 && e.response.status < 300) found.push(id);
  }
  return { ids: found, how: `reading each id the answers named with ${read.read.id} (${read.why}: a duplicate never named stays unseen)` };
}

/** The items of a list answer: the body itself when an array, else its first array property (data, items …). */
function itemsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (body === null || typeof body !== 'object') return [];
  return (Object.values(body).find(Array.isArray) as unknown[] | undefined) ?? [];
}
