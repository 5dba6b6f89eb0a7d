import { fixtureId, schemaDeclares } from '../contract/index.ts';
import type { Contract, SchemaValidators } from '../contract/index.ts';
import { setPointer } from '../json/index.ts';
import type { Route } from './routes.ts';
import type { ResourceStore } from './store.ts';
import { jsonMedia, sampleBody, successResponse } from './synthesize.ts';

/**
 * Resources the contract reads but never creates (PayPal's authorizations come from its Orders API) are held from
 * the start (made on the collection's first use), one per collection, so a read or an action on one (a capture) finds it as the partner's sandbox
 * would. Its body is the read's answer (a valid example, else one generated); its id is `fixtureId` of the read,
 * and it answers as well to `fixtureId` of every other operation naming it by a path parameter: the request
 * generator names such a resource with that function for the operation it calls, so both agree without a word.
 */
export function holdFixtures(contract: Contract, validators: SchemaValidators, routes: readonly Route[], store: ResourceStore): void {
  const created = new Set(routes.filter((r) => r.kind === 'create').map((r) => r.collection));
  for (const read of routes) {
    if (read.kind !== 'read' || !read.idParam || created.has(read.collection) || store.holds(read.collection)) continue;
    const param = read.op.parameters.find((p) => p.in === 'path' && p.name === read.idParam);
    if (!param) continue;
    // Made when the collection is first used: generating a body from a large schema is most of a start otherwise.
    store.defer(read.collection, () => {
      const id = fixtureId(contract, read.op, param);
      const media = jsonMedia(successResponse(read.op));
      const sample = sampleBody(contract, validators, media, 1);
      const body = typeof sample === 'object' && sample !== null && !Array.isArray(sample) ? (sample as Record<string, unknown>) : {};
      if (!media?.schemaPointer || schemaDeclares(contract.bundled, media.schemaPointer, read.idPointer)) setPointer(body, read.idPointer, id);
      store.put(read.collection, id, body);
      for (const op of contract.operations.values()) {
        const name = paramAfter(op.path, read.collection);
        // A path parameter the operation does not declare is named as the request generator names it.
        if (name !== undefined) store.alias(read.collection, fixtureId(contract, op, op.parameters.find((x) => x.in === 'path' && x.name === name) ?? { name, in: 'path', required: true }), id);
      }
    });
  }
}

/** The path parameter right after a collection in a path: `authorization_id` in `/authorizations/{authorization_id}/capture`. */
function paramAfter(path: string, collection: string): string | undefined {
  if (!path.startsWith(`${collection}/{`)) return undefined;
  const end = path.indexOf('}', collection.length + 2);
  return end < 0 ? undefined : path.slice(collection.length + 2, end);
}
