import { deref, getPointer, joinPointer, schemaDeclares } from '../contract/index.ts';
import type { Contract, Operation } from '../contract/index.ts';
import { jsonMedia, successResponse } from './synthesize.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Where an operation's answer carries the id of its resource, when the profile does not say. The id is a field
 * named `id`, else named as the path parameter of the resource's read (`names`: Square reads a custom attribute
 * definition by its `key`): at the top of the body when the schema declares it there; else in the one object
 * property that has it, or the property named as the collection's resource (Square answers
 * `{ "card": { "id": … }, "errors": […] }` for /v2/cards); else `/id`, which a closed schema does not carry (the
 * simulator keeps the id in its store only). Pure.
 */
export function idPlaceOf(contract: Contract, op: Operation, collection: string, names: readonly string[]): string {
  const schema = jsonMedia(successResponse(op))?.schemaPointer;
  const doc = contract.bundled;
  if (!schema) return '/id';
  const fields = [...new Set(['id', ...names])];
  const top = fields.find((f) => schemaDeclares(doc, schema, joinPointer('', f)));
  if (top !== undefined) return joinPointer('', top);
  const resource = squash(singular(collection.split('/').filter((s) => s !== '' && !s.startsWith('{')).at(-1) ?? ''));
  const places = topProperties(doc, schema).flatMap((holder) => fields.filter((f) => schemaDeclares(doc, schema, joinPointer('', holder, f))).map((f) => ({ holder, f })));
  const place = places.find((p) => squash(p.holder) === resource) ?? (new Set(places.map((p) => p.holder)).size === 1 ? places[0] : undefined);
  return place === undefined ? '/id' : joinPointer('', place.holder, place.f);
}

/** The property names a schema declares at its top, its `allOf` parts' included. */
function topProperties(doc: Obj, pointer: string): string[] {
  const names = new Set<string>();
  const visit = (raw: unknown, hops: number): void => {
    const node = deref(doc, raw, '').node;
    if (!isObj(node) || hops > 8) return;
    if (isObj(node.properties)) for (const name of Object.keys(node.properties)) names.add(name);
    if (Array.isArray(node.allOf)) for (const part of node.allOf) visit(part, hops + 1);
  };
  visit(getPointer(doc, pointer), 0);
  return [...names];
}

function singular(word: string): string {
  return word.replace(/ies$/, 'y').replace(/s$/, '');
}

/** `payment_id`, `paymentId` and `PaymentID` compare equal. */
function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
