import type { Contract, Operation } from '../contract/index.ts';
import { deref } from '../contract/index.ts';
import { getPointer, joinPointer } from '../json/index.ts';
import type { TransactionSpec } from '../profile/index.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where a path parameter's id comes from: the operation that creates the resource, and where its answer holds the id. */
export interface IdSource {
  param: string;
  create: Operation;
  /** Pointers into the create's answer, tried in order before the answer is searched by name (idInAnswer). */
  pointers: string[];
  /** The resource's name as the answer may nest it (`customer` for `customer_id`, `transfer` for `/transfers/{id}`). */
  resource: string;
}

/**
 * The creates that give an operation's path parameters their ids, last parameter first (its create, itself
 * nested, brings the earlier ones along): the profile's transaction whose read this is; an OpenAPI `link` of a
 * create's response to this operation; else, by REST shape, the POST on the path before the parameter
 * (`/payments/{paymentId}/captures` ← POST /payments). A parameter no create gives is absent (pure).
 */
export function idSourcesOf(contract: Contract, transactions: Readonly<Record<string, TransactionSpec>>, op: Operation): IdSource[] {
  const params = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const sources: IdSource[] = [];
  for (const param of [...params].reverse()) {
    const before = op.path.slice(0, op.path.indexOf(`/{${param}}`));
    const resource = resourceName(param, before);
    const tx = Object.values(transactions).find((t) => t.read === op.id && (t.idParam ?? params.at(-1)) === param);
    const linked = linksTo(contract, op).get(param);
    const create = (tx && contract.operations.get(tx.create)) ?? linked?.create ?? [...contract.operations.values()].find((o) => o.method === 'post' && o.path === before);
    if (!create) continue;
    const txPointer = tx?.id ?? Object.values(transactions).find((t) => t.create === create.id)?.id;
    const pointers = [...new Set([txPointer, linked?.create === create ? linked.pointer : undefined, '/id'].filter((p): p is string => p !== undefined))];
    sources.push({ param, create, pointers, resource });
  }
  return sources;
}

/**
 * The id in a create's answer: at the first of the source's pointers that holds a string or number, else in a
 * field named as the parameter (`transferId`, `transfer_id`), else in the `id` of an object named as the
 * resource, or a longer or shorter name of it (Square's `{ "customer": { "id": … } }`, `loyalty_account` for
 * `account_id`, `refund` for `terminal_refund_id`); fields are searched breadth first, three levels deep.
 * Last, the `id` of the answer's only object (an envelope round one resource, whatever its name).
 */
export function idInAnswer(body: unknown, source: IdSource): string | number | undefined {
  for (const pointer of source.pointers) {
    const v = getPointer(body, pointer);
    if (isId(v)) return v;
  }
  const param = squash(source.param);
  const resource = squash(source.resource);
  let level: unknown[] = [body];
  for (let depth = 0; depth < 3 && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const node of level) {
      if (!isObj(node)) continue;
      for (const [key, value] of Object.entries(node)) {
        if (squash(key) === param && isId(value)) return value;
        if (namesResource(squash(key), resource) && isObj(value) && isId(value.id)) return value.id;
        if (typeof value === 'object' && value !== null) next.push(value);
      }
    }
    level = next;
  }
  const objects = isObj(body) ? Object.values(body).filter(isObj) : [];
  return objects.length === 1 && isId(objects[0]!.id) ? objects[0]!.id : undefined;
}

/** `loyaltyaccount` names an `account`, `refund` a `terminalrefund`: one name ends with the other. */
function namesResource(key: string, resource: string): boolean {
  return resource !== '' && (key.endsWith(resource) || (key.length >= 3 && resource.endsWith(key)));
}

function isId(v: unknown): v is string | number {
  return (typeof v === 'string' && v !== '') || typeof v === 'number';
}

/** `payment_id`, `paymentId` and `PaymentID` compare equal. */
function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The resource a parameter names: its name without `Id` (`customer_id` → customer), else the collection's singular (`/transfers/{id}` → transfer). */
function resourceName(param: string, before: string): string {
  const stem = param.replace(/[-_]?id$/i, '');
  if (stem !== '') return stem;
  const collection = before.split('/').filter((s) => s !== '' && !s.startsWith('{')).at(-1) ?? '';
  return collection.replace(/ies$/, 'y').replace(/s$/, '');
}

const linkCache = new WeakMap<object, Map<string, Map<string, { create: Operation; pointer: string }>>>();

/**
 * OpenAPI `links` (3.0 §4.7.20) of every operation's success responses, by the operation they lead to and
 * its parameter: only `$response.body#/pointer` values, the ones that carry an id from an answer.
 */
function linksTo(contract: Contract, op: Operation): Map<string, { create: Operation; pointer: string }> {
  let index = linkCache.get(contract.bundled);
  if (!index) {
    index = indexLinks(contract);
    linkCache.set(contract.bundled, index);
  }
  return index.get(op.id) ?? new Map();
}

function indexLinks(contract: Contract): Map<string, Map<string, { create: Operation; pointer: string }>> {
  const index = new Map<string, Map<string, { create: Operation; pointer: string }>>();
  const byPointer = new Map([...contract.operations.values()].map((o) => [o.pointer, o]));
  for (const create of contract.operations.values()) {
    for (const response of create.responses.filter((r) => /^2/.test(r.status))) {
      const links = deref(contract.bundled, getPointer(contract.bundled, joinPointer(create.pointer, 'responses', response.status, 'links')), '').node;
      if (!isObj(links)) continue;
      for (const raw of Object.values(links)) {
        const link = deref(contract.bundled, raw, '').node;
        if (!isObj(link) || !isObj(link.parameters)) continue;
        const target = typeof link.operationId === 'string' ? link.operationId : typeof link.operationRef === 'string' ? byPointer.get(decodeURIComponent(link.operationRef.replace(/^#/, '')))?.id : undefined;
        if (!target) continue;
        for (const [name, expression] of Object.entries(link.parameters)) {
          const pointer = typeof expression === 'string' ? /^\$response\.body#(\/.*)?$/.exec(expression) : null;
          if (!pointer) continue;
          const params = index.get(target) ?? new Map<string, { create: Operation; pointer: string }>();
          params.set(name.replace(/^path\./, ''), { create, pointer: pointer[1] ?? '' });
          index.set(target, params);
        }
      }
    }
  }
  return index;
}
