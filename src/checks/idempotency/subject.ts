import { requestExample } from '../../contract/index.ts';
import type { Operation } from '../../contract/index.ts';
import { resolveIdempotency } from '../../idempotency/index.ts';
import type { ResolvedIdempotency } from '../../idempotency/index.ts';
import { getPointer, splitPointer } from '../../json/index.ts';
import type { Partner } from '../../partner/index.ts';
import type { TransactionSpec } from '../../profile/index.ts';

/**
 * What the idempotency checks of one operation work with, found in the profile and the contract (pure):
 * the documented answers, and how to count the transactions a call made through the partner's own API.
 */
export interface Subject {
  op: Operation;
  spec: ResolvedIdempotency;
  /** JSON Pointer to the transaction id in a create answer (and in each listed item). */
  idPointer: string;
  /** The partner's error code location, to compare answers with the documented codes. */
  codePointer?: string;
  /** How transactions are counted: a list filtered by our reference, else a read of each id seen. */
  count: ListCount | ReadCount;
  /** JSON Pointer to our own reference in the request body (and in the resource), when known. */
  referencePointer?: string;
}

export interface ListCount {
  via: 'list';
  list: Operation;
  query: string;
}

export interface ReadCount {
  via: 'read';
  read: Operation;
  idParam: string;
  /** Why no list can be used: said with every count, since duplicates the partner never named stay unseen. */
  why: string;
}

export function idempotencySubject(partner: Partner, opId: string): Subject | { skip: string } {
  const spec = resolveIdempotency(partner.profile);
  const op = partner.contract.operations.get(opId);
  if (!spec || !op) return { skip: `${opId} is not in the contract` };
  const tx = Object.values(partner.profile.transactions ?? {}).find((t) => t.create === opId);
  if (!tx) return { skip: `no transaction in the profile's transactions names ${opId} as its create operation: its transactions cannot be counted` };
  const referencePointer = tx.reference ?? inferReference(partner, tx, op);
  const count = countBy(partner, tx, referencePointer);
  if ('skip' in count) return count;
  return { op, spec, idPointer: tx.id ?? '/id', codePointer: partner.profile.errors?.code, count, referencePointer };
}

/** A list filtered by the reference's last segment (as the profile's `reference` says), else reads by id. */
function countBy(partner: Partner, tx: TransactionSpec, reference: string | undefined): ListCount | ReadCount | { skip: string } {
  const list = tx.list ? partner.contract.operations.get(tx.list) : undefined;
  const query = reference ? splitPointer(reference).at(-1) : undefined;
  if (list && query && list.parameters.some((p) => p.in === 'query' && p.name === query)) return { via: 'list', list, query };
  const read = partner.contract.operations.get(tx.read);
  const idParam = tx.idParam ?? read?.parameters.find((p) => p.in === 'path')?.name;
  if (!read || !idParam) return { skip: `${tx.read} has no path parameter for the id: transactions cannot be counted` };
  const why = !list ? 'the profile names no list operation' : !query ? "the profile's transaction names no reference to filter the list by" : `${list.id} has no query parameter '${query}'`;
  return { via: 'read', read, idParam, why };
}

/** Without `reference` in the profile: a list query parameter that is also a top-level field of the request example. */
function inferReference(partner: Partner, tx: TransactionSpec, op: Operation): string | undefined {
  const list = tx.list ? partner.contract.operations.get(tx.list) : undefined;
  const example = requestExample(op);
  const param = list?.parameters.find((p) => p.in === 'query' && typeof getPointer(example, `/${p.name}`) === 'string');
  return param ? `/${param.name}` : undefined;
}

