import { deref, getPointer } from '../contract/index.ts';
import type { Contract, Operation } from '../contract/index.ts';
import type { Profile } from '../profile/index.ts';
import { idPlaceOf } from './id-place.ts';
import { jsonMedia, successResponse } from './synthesize.ts';

export type RouteKind = 'create' | 'read' | 'list' | 'other';

export interface Route {
  op: Operation;
  kind: RouteKind;
  /** The collection a create/read/list works on, e.g. `/payouts`. */
  collection: string;
  /** For reads: the path parameter carrying the id. */
  idParam?: string;
  /** JSON Pointer to the resource id in a created or read body: the profile's, else where the schema has it (id-place.ts). */
  idPointer: string;
  statePointer?: string;
  initialState?: string;
  /**
   * For a create under another resource (`/authorizations/{authorization_id}/capture`): where that parent is
   * kept and the path parameter naming it. A parent the simulator does not hold is an unknown resource.
   */
  parent?: { collection: string; idParam: string };
  /**
   * For a create: the collections of the reads that answer the same schema, where what it creates is kept too
   * (PayPal's capture of an authorization is read at /v2/payments/captures/{capture_id}).
   */
  alsoIn: string[];
}

/**
 * How the simulator treats each operation. The profile's `transactions` say it exactly; for the rest,
 * REST shape decides: POST /things creates, GET /things/{id} reads, GET /things lists.
 */
export function planRoutes(contract: Contract, profile: Profile): Route[] {
  const txByOp = new Map<string, { tx: NonNullable<Profile['transactions']>[string]; role: 'create' | 'read' | 'list' }>();
  for (const tx of Object.values(profile.transactions ?? {})) {
    txByOp.set(tx.create, { tx, role: 'create' });
    txByOp.set(tx.read, { tx, role: 'read' });
    if (tx.list) txByOp.set(tx.list, { tx, role: 'list' });
  }
  const routes: Route[] = [];
  // Routes whose id the profile does not place: placed by their schemas once every read's parameter is known.
  const unplaced = new Set<Route>();
  for (const op of contract.operations.values()) {
    const declared = txByOp.get(op.id);
    const trailing = /^(.*)\/\{([^}]+)\}$/.exec(op.path);
    let kind: RouteKind = 'other';
    let collection = op.path;
    let idParam: string | undefined;
    if (declared) {
      kind = declared.role;
      if (kind === 'read') {
        idParam = declared.tx.idParam ?? trailing?.[2];
        collection = trailing?.[1] ?? op.path;
      }
      if (kind === 'create' || kind === 'list') collection = op.path;
    } else if (op.method === 'post' && !trailing) kind = 'create';
    else if (op.method === 'get' && trailing) {
      kind = 'read';
      collection = trailing[1] ?? op.path;
      idParam = trailing[2];
    } else if (op.method === 'get') kind = 'list';
    const under = kind === 'create' ? /^(.*)\/\{([^}]+)\}\/[^{}]+$/.exec(op.path) : null;
    const route: Route = {
      op,
      kind,
      collection,
      idParam,
      idPointer: declared?.tx.id ?? '/id',
      statePointer: declared?.tx.state ?? (declared?.tx.states ? '/status' : undefined),
      initialState: declared?.tx.states?.initial,
      ...(under ? { parent: { collection: under[1]!, idParam: under[2]! } } : {}),
      alsoIn: [],
    };
    routes.push(route);
    if (declared?.tx.id === undefined) unplaced.add(route);
  }
  // A resource is named by the parameter of its read (`key` for Square's custom attribute definitions).
  const namesOf = (collection: string): string[] => routes.filter((r) => r.kind === 'read' && r.collection === collection && r.idParam).map((r) => r.idParam!);
  for (const route of unplaced) route.idPointer = idPlaceOf(contract, route.op, route.collection, namesOf(route.collection));
  linkSameSchema(contract, routes);
  // Literal segments before templated ones, so /payouts/search is not read as /payouts/{id}.
  return routes.sort((a, b) => paramCount(a.op.path) - paramCount(b.op.path));
}

/** Each create is kept too in the collection of every read elsewhere that answers the very schema it answers. */
function linkSameSchema(contract: Contract, routes: Route[]): void {
  const schemaOf = (op: Operation): string | undefined => {
    const at = jsonMedia(successResponse(op))?.schemaPointer;
    return at === undefined ? undefined : deref(contract.bundled, getPointer(contract.bundled, at), at).pointer;
  };
  const reads = routes.filter((r) => r.kind === 'read').map((r) => ({ collection: r.collection, schema: schemaOf(r.op) }));
  for (const create of routes.filter((r) => r.kind === 'create')) {
    const schema = schemaOf(create.op);
    if (schema === undefined) continue;
    create.alsoIn = [...new Set(reads.filter((r) => r.schema === schema && r.collection !== create.collection).map((r) => r.collection))];
  }
}

function paramCount(path: string): number {
  return (path.match(/\{/g) ?? []).length;
}
