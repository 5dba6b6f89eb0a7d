import type { HttpHandler } from 'msw';
import { jsonAnswer, jsonTextAnswer } from './answer.ts';
import type { Answer } from './answer.ts';
import { mswHandlers } from './msw-handlers.ts';
import { findResponseSpec, schemaDeclares, schemaIssues } from '../contract/index.ts';
import { screenRequest } from './screen-request.ts';
import type { Operation, ResponseSpec } from '../contract/index.ts';
import { getPointer, joinPointer, mergeOver, setPointer, toPointer } from '../json/index.ts';
import type { Partner } from '../partner/index.ts';
import type { Rng } from '../random/index.ts';
import { driftType } from './drift.ts';
import { planRoutes } from './routes.ts';
import type { Route } from './routes.ts';
import type { ResourceStore } from './store.ts';
import { errorBody, errorPlaces, jsonMedia, sampleBody, successResponse } from './synthesize.ts';
import { UNDOCUMENTED_CODE, answerTrigger, documentedStatus } from './triggers.ts';
import { documentedErrorStatus } from './error-status.ts';
import { holdFixtures } from './fixtures.ts';
import { keepContract } from './keep-contract.ts';
import { inventedCodeHeaders, limitationAnswer, limitationHeaders } from './limitation.ts';
import { listPage } from './list-page.ts';
import { excessOf } from './money-rules.ts';
import { resolveMovements } from '../transactions/index.ts';
import type { ResolvedMovement } from '../transactions/index.ts';
import { failAfterCommit, hangingOperation, neverAnswer } from './retry-defects.ts';
import { gateFor, guardIdempotency } from './idempotency.ts';
import type { GateEnv } from './idempotency.ts';
import type { AuthGate } from './auth/index.ts';
import type { Clock } from '../clock/index.ts';
import { isCardCodeField, isPanValue, maskAccount } from '../redact/index.ts';

export interface SimulatorState {
  partner: Partner;
  store: ResourceStore;
  rng: Rng;
  defects: ReadonlySet<string>;
  /**
   * The partner's time on the wire: what it writes into resources and events, signs webhooks at, and judges
   * request signatures and tokens by. The wall clock in a standalone simulator, whatever its scale; the
   * run's clock in the embedded run (server.ts, `stamps`).
   */
  now: () => Date;
  /**
   * The run's clock: a create's processing time and the idempotency window follow it (idempotency.ts).
   * Absent in-process, where handlers answer at once and keys are timed by `now`.
   */
  clock?: Pick<Clock, 'now' | 'sleep'>;
  /** Authentication, verified before anything else, as a strict partner does (auth/gate.ts). */
  auth?: AuthGate;
  /** Told of every resource created: the simulator's signed webhook deliveries start here. */
  onCreated?: (route: Route, resource: Record<string, unknown>) => void;
  /** Told of every request answered past authentication (a webhook-endpoint registration, say: registrations.ts). */
  onAnswered?: (op: Operation, body: unknown, status: number) => void;
}

/** What an answer is: a success or an error, and whether a planted defect shaped it (it goes out as it is). */
interface Shape {
  success: boolean;
  planted?: boolean;
}

interface Incoming {
  route: Route;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  contentType?: string;
}

/** A request as the pipeline takes it, from the loopback server (server.ts) or from msw in-process (msw-handlers.ts). */
export interface SimRequest {
  method: string;
  url: URL;
  /** Lower-case names, repeated fields joined with `, `. */
  headers: Record<string, string>;
  /** The body as text (UTF-8), `''` when none. */
  body: string;
  /** The path's parameters, percent-decoded. */
  pathParams: Record<string, string>;
}

/** One operation's answerer, and where it is served: the contract's path template under its base path. */
export interface OperationHandler {
  route: Route;
  answer(req: SimRequest): Answer | Promise<Answer>;
}

/**
 * The simulator's operations built from the contract: one answerer per operation, in a fixed pipeline —
 * authenticate → validate the request → answer a trigger → find the parent → create / read / list / example →
 * keep the contract (json) → plant the defect. Resources the contract reads but never creates are held from the
 * start (fixtures.ts). Routed by the loopback server in server.ts, or wrapped as msw handlers (buildHandlers).
 * In the order they must be matched: literal paths before templated ones.
 */
export function buildOperations(state: SimulatorState): OperationHandler[] {
  const { partner } = state;
  const gate = gateFor(state);
  // Resolved once: every create of a capture or refund consults them (money-rules.ts).
  const movements = resolveMovements(partner.profile);
  const routes = planRoutes(partner.contract, partner.profile);
  holdFixtures(partner.contract, partner.validators, routes, state.store);
  // The collections the simulator holds: a parent outside them is not the simulator's to judge unknown.
  const held = new Set(routes.flatMap((r) => (r.kind === 'create' ? [r.collection, ...r.alsoIn] : r.kind === 'read' ? [r.collection] : [])));
  return routes.map((route) => ({
    route,
    answer: (request) => {
      const text = request.body;
      const { headers } = request;
      const gated = state.auth?.check(route.op, { method: request.method, url: request.url.href, target: request.url, headers, body: text });
      if (gated) return gated.kind === 'respond' ? gated.answer : reply(state, route.op, gated.status, gated.code, gated.message);
      const query = request.url.search === '' ? {} : Object.fromEntries(request.url.searchParams.entries());
      const screened = screenRequest(partner.validators, state.defects, { op: route.op, kind: route.kind, text, contentType: headers['content-type'], pathParams: request.pathParams, query, headers });
      if ('refuse' in screened) return reply(state, route.op, screened.refuse.status, screened.refuse.code, screened.refuse.message, screened.refuse.planted);
      const { body } = screened;
      const incoming: Incoming = { route, pathParams: request.pathParams, query, headers, body, contentType: headers['content-type'] };
      const told = (answer: Answer): Answer => {
        state.onAnswered?.(route.op, body, answer.status);
        return answer;
      };
      // A read's answer is there at once: no turn of the event loop waited for it.
      const answered = handle(state, incoming, gate, movements, held);
      return answered instanceof Promise ? answered.then(told) : told(answered);
    },
  }));
}

/** The operations as msw request handlers, usable in-process with msw's setupServer in anyone's own tests. */
export function buildHandlers(state: SimulatorState): HttpHandler[] {
  return mswHandlers(state.partner.contract.basePath, buildOperations(state));
}

function handle(state: SimulatorState, req: Incoming, gate: GateEnv, movements: readonly ResolvedMovement[], held: ReadonlySet<string>): Answer | Promise<Answer> {
  const { partner } = state;
  const { op, parent } = req.route;
  if (state.defects.has('hang') && op.id === hangingOperation(partner)) return neverAnswer();
  const triggered = answerTrigger(partner.profile.errors, op, req, state.defects);
  // The errors family's defects answer a trigger wrong on purpose: its code or its status must go out as planted.
  const plantedError = triggered && (triggered.code === UNDOCUMENTED_CODE || state.defects.has('wrong-error-status'));
  if (triggered) return reply(state, op, triggered.status, triggered.code, triggered.message, plantedError);
  const parentId = parent && req.pathParams[parent.idParam];
  // A capture of an authorization the simulator does not hold is refused as a read of it is: state agrees.
  if (parent && parentId !== undefined && held.has(parent.collection) && !state.store.get(parent.collection, parentId)) {
    return reply(state, op, 404, undefined, `no resource ${parentId} in ${parent.collection}`);
  }
  switch (req.route.kind) {
    case 'create':
      return guardIdempotency(gate, req, () => create(state, req, movements), (status, code, message) => reply(state, op, status, code, message));
    case 'read':
      return read(state, req);
    case 'list':
      return list(state, req);
    default:
      return example(state, op);
  }
}

function create(state: SimulatorState, req: Incoming, movements: readonly ResolvedMovement[]): Answer {
  const { op, collection, idPointer, statePointer, initialState } = req.route;
  const { partner } = state;
  const excess = excessOf(movements, state.store, partner.contract.operations, op, req.body, state.defects);
  if (excess) return reply(state, op, (excess.code && partner.profile.errors ? documentedStatus(op, excess.code, partner.profile.errors.code) : undefined) ?? 422, excess.code, excess.message);
  const spec = successResponse(op);
  const status = Number(spec?.status ?? 201);
  const schema = jsonMedia(spec)?.schemaPointer;
  const sample = sampleBody(partner.contract, partner.validators, jsonMedia(spec), state.rng.int(1, 2 ** 31));
  const resource = (typeof sample === 'object' && sample !== null ? sample : {}) as Record<string, unknown>;
  // What the caller sent comes back as the partner keeps it: amount, currency, reference; a card as its last four.
  const merged = echoRequest(state, spec, resource, req.body) as Record<string, unknown>;
  let id = newId(state, getPointer(merged, idPointer));
  // The id goes into the body only where the schema has a place for it; the store keeps it all the same.
  const carriesId = !schema || schemaDeclares(partner.contract.bundled, schema, idPointer);
  if (carriesId) setPointer(merged, idPointer, id);
  if (statePointer && initialState) setPointer(merged, statePointer, initialState);
  let now: string | undefined;
  for (const k of STAMPED) if (k in merged) merged[k] = now ??= state.now().toISOString();
  const stored = keptResource(state, op, status, merged);
  // A repaired body may carry another id than the one drawn (a pattern it broke): the body's id is the id.
  const carried = carriesId ? getPointer(stored, idPointer) : undefined;
  if (typeof carried === 'string' || typeof carried === 'number') id = String(carried);
  for (const c of [collection, ...req.route.alsoIn]) state.store.put(c, id, stored);
  state.onCreated?.(req.route, stored);
  const headers: Record<string, string> = {};
  if (spec?.headers.some((h) => h.name === 'location')) headers.location = `${partner.contract.basePath}${collection}/${encodeURIComponent(id)}`;
  if (failAfterCommit(state, req.headers)) return reply(state, op, 503, undefined, 'committed, then failed (planted defect duplicate-on-retry)', true);
  return json(state, op, status, stored, headers, { success: true });
}

/** The fields a create stamps with the partner's time, where its resource has them. */
const STAMPED = ['createdAt', 'updatedAt', 'created_at', 'updated_at'];

/**
 * What a create keeps: its answer as the contract accepts it, so a read answers what the create answered. A body
 * shaped by `card-data-echoed` is kept as sent, and marked so that no answer repairs it (plantedIn).
 */
function keptResource(state: SimulatorState, op: Operation, status: number, resource: Record<string, unknown>): Record<string, unknown> {
  if (state.defects.has('card-data-echoed')) {
    markPlanted(resource);
    return resource;
  }
  const { body, issues } = keepContract(state.partner.contract, state.partner.validators, op, status, resource);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return resource;
  if (issues.length === 0) conformed.set(body, { op, status, text: JSON.stringify(body) });
  return body as Record<string, unknown>;
}

function read(state: SimulatorState, req: Incoming): Answer {
  const { op, collection, idParam } = req.route;
  const id = idParam ? req.pathParams[idParam] : undefined;
  const found = id !== undefined ? state.store.get(collection, id) : undefined;
  if (!found) return reply(state, op, 404, undefined, `no resource ${id ?? ''} in ${collection}`);
  return json(state, op, Number(successResponse(op)?.status ?? 200), found, {}, { success: true });
}

function list(state: SimulatorState, req: Incoming): Answer {
  const { op, collection } = req.route;
  const spec = successResponse(op);
  const filters = Object.entries(req.query).filter(([k]) => op.parameters.some((p) => p.in === 'query' && p.name === k && k !== 'limit' && k !== 'cursor'));
  const items = state.store
    .list(collection)
    .filter((r) => filters.every(([k, v]) => String(r[k]) === v))
    .reverse();
  const { contract, validators } = state.partner;
  const media = jsonMedia(spec);
  const schema = media?.schemaPointer;
  const body = listPage(sampleBody(contract, validators, media, 1), items, (page) => (schema ? schemaIssues(validators, schema, page).length : 0));
  return json(state, op, Number(spec?.status ?? 200), body, {}, { success: true });
}

function example(state: SimulatorState, op: Operation): Answer {
  const spec = successResponse(op);
  if (!spec) return limitationAnswer(`${op.id} documents no success response`);
  const { contract, validators } = state.partner;
  return json(state, op, Number(spec.status), sampleBody(contract, validators, jsonMedia(spec), state.rng.int(1, 2 ** 31)), {}, { success: true });
}

/**
 * An error answer shaped as the partner documents it: under the documented status closest to the one wanted
 * (error-status.ts), else a 501 marked as the simulator's limitation. A planted defect's status goes out as is.
 */
function reply(state: SimulatorState, op: Operation, wanted: number, code: string | undefined, message: string, plantedAnswer = false): Answer {
  const chosen = plantedAnswer ? { status: wanted } : documentedErrorStatus(op, wanted);
  if ('limitation' in chosen) return limitationAnswer(`${chosen.limitation} (${message})`);
  const { status } = chosen;
  const spec = findResponseSpec(op, status);
  const where = errorPlaces(state.partner.contract, spec, state.partner.profile.errors);
  const body = errorBody(state.partner.contract, state.partner.validators, op, spec, code, message, where, 7);
  const msgAt = where.message ? toPointer(where.message) : undefined;
  if (msgAt && !code) setPointer(body, msgAt, message);
  const headers = { ...(status === 429 && !state.defects.has('retry-after-missing') ? { 'retry-after': '1' } : {}), ...(!plantedAnswer && inventedCode(state, body) ? inventedCodeHeaders() : {}) };
  return json(state, op, status, body, headers, { success: false, planted: plantedAnswer });
}

/** A code at the profile's errors.code that its map does not know: made up by the simulator (limitation.ts), unless planted. */
function inventedCode(state: SimulatorState, body: unknown): boolean {
  const errors = state.partner.profile.errors;
  if (!errors) return false;
  const said = getPointer(body, toPointer(errors.code));
  return (typeof said === 'string' || typeof said === 'number') && !Object.hasOwn(errors.map, String(said));
}

/** Bodies a planted defect shaped (`card-data-echoed`): they go out broken, as planted, wherever they appear. */
const planted = new WeakSet<object>();

/** A planted body and every object in it: a list shows a resource's inner object as it is, planted all the same. */
function markPlanted(node: unknown): void {
  if (typeof node !== 'object' || node === null) return;
  planted.add(node);
  for (const v of Object.values(node)) markPlanted(v);
}

function plantedIn(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  return planted.has(body) || Object.values(body).some(plantedIn);
}

/**
 * Every answer leaves here, and keeps the contract (keep-contract.ts) unless a defect planted it broken. A body no
 * repair can make conform goes out marked as the simulator's limitation. `schema-drift` breaks it after.
 */
function json(state: SimulatorState, op: Operation, status: number, body: unknown, headers: Record<string, string>, shape: Shape): Answer {
  const drift = shape.success && state.defects.has('schema-drift');
  const planted = shape.planted || (state.defects.has('card-data-echoed') && plantedIn(body));
  const checked = !drift && !planted && typeof body === 'object' && body !== null;
  if (checked) {
    // The same text found to conform to this answer before (a resource read again, as stored): not validated twice.
    const seen = conformed.get(body);
    const text = seen && seen.op === op && seen.status === status ? JSON.stringify(body) : undefined;
    if (text !== undefined && text === seen?.text) return jsonTextAnswer(text, status, headers);
  }
  const kept = planted ? { body, issues: [] } : keepContract(state.partner.contract, state.partner.validators, op, status, body);
  const out = drift ? driftType(kept.body) : kept.body;
  if (checked && kept.issues.length === 0 && typeof out === 'object' && out !== null) {
    const text = JSON.stringify(out);
    conformed.set(out, { op, status, text });
    return jsonTextAnswer(text, status, headers);
  }
  return jsonAnswer(out, status, kept.issues.length > 0 ? { ...headers, ...limitationHeaders() } : headers);
}

/**
 * The text each body had when it was last found to conform to an operation's documented answer for a status. A body
 * whose text is the same conforms still (validation depends on nothing else); one changed since (a state moved on)
 * is validated again.
 */
const conformed = new WeakMap<object, { op: Operation; status: number; text: string }>();

/**
 * The resource a create makes of what was sent: the fields its response schema declares, merged over the sample.
 * Card data as PCI DSS lets a partner keep it (3.3, 3.4): a security code never; a PAN as its last four, in a
 * declared `last4` beside it, or masked in its own field when the schema returns that field.
 */
function echoRequest(state: SimulatorState, spec: ResponseSpec | undefined, resource: unknown, sent: unknown): unknown {
  if (sent === undefined) return resource;
  // Planted defect: everything comes back as sent, the card's number and security code included.
  if (state.defects.has('card-data-echoed')) return mergeOver(resource, sent);
  const schema = jsonMedia(spec)?.schemaPointer;
  if (!schema) return resource;
  const bundled = state.partner.contract.bundled;
  return keptOf(resource, sent, '', (pointer) => schemaDeclares(bundled, schema, pointer));
}

const LAST_FOUR = ['last4', 'lastFour', 'last_four'];

function keptOf(base: unknown, sent: unknown, at: string, declares: (pointer: string) => boolean): unknown {
  if (Array.isArray(sent)) return sent.map((item, i) => (isPanValue(item) ? maskAccount(String(item)) : keptOf(undefined, item, joinPointer(at, i), declares)));
  if (typeof sent !== 'object' || sent === null) return sent;
  const out: Record<string, unknown> = typeof base === 'object' && base !== null && !Array.isArray(base) ? { ...(base as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(sent)) {
    const here = joinPointer(at, k);
    if (isCardCodeField(k)) continue;
    if (isPanValue(v)) {
      for (const name of LAST_FOUR) if (declares(joinPointer(at, name))) out[name] = String(v).replace(/\D/g, '').slice(-4);
      if (declares(here)) out[k] = maskAccount(String(v));
    } else if (declares(here)) {
      if (v === null) delete out[k];
      else out[k] = keptOf(out[k], v, here, declares);
    }
  }
  return out;
}

/** An id in the partner's own format: the example's prefix and length, random characters from the seed. */
function newId(state: SimulatorState, sample: unknown): string {
  if (typeof sample === 'string' && sample.length > 0) {
    const m = /^([A-Za-z]+[_-])?(.*)$/.exec(sample);
    const prefix = m?.[1] ?? '';
    return prefix + state.rng.alnum(Math.max(8, (m?.[2] ?? '').length));
  }
  return state.rng.uuid();
}
