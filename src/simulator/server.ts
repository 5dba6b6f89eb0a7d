import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { HttpHandler } from 'msw';
import type { Clock } from '../clock/index.ts';
import type { Partner } from '../partner/index.ts';
import { createRng } from '../random/index.ts';
import { credentialsFor } from '../credentials/index.ts';
import { createAuthGate } from './auth/index.ts';
import { buildOperations } from './handlers.ts';
import { mswHandlers } from './msw-handlers.ts';
import { createRouter } from './router.ts';
import { jsonAnswer } from './answer.ts';
import type { Answer } from './answer.ts';
import type { SimulatorState } from './handlers.ts';
import { ResourceStore } from './store.ts';
import { warmUp } from './warm-up.ts';
import { createClock } from '../clock/index.ts';
import { resolveMovements } from '../transactions/index.ts';
import { announce } from './announce.ts';
import { createLifecycle } from './lifecycle.ts';
import type { Lifecycle, StateChange } from './lifecycle.ts';
import type { ResolvedMovement } from '../transactions/index.ts';
import { getPointer } from '../json/index.ts';
import { createWebhookSender } from './webhook-sender.ts';
import type { WebhookSender } from './webhook-sender.ts';
import { createRegistrations } from './registrations.ts';

export interface SimulatorOptions {
  partner: Partner;
  defects?: readonly string[];
  seed: number;
  /** The run's clock: processing waits, state changes, redelivery backoff and the idempotency window follow it. */
  clock?: Clock;
  /**
   * The time the partner stamps and checks on the wire: the signature time of its webhook deliveries, the
   * tolerance it judges request signatures by (timestamps, RFC 9421 `created` / `expires`), OAuth token
   * expiry, and the times it writes into resources and events.
   * - `clock` (default): the run's clock. The embedded run: railgate's signer and receiver read the same
   *   virtual clock, so the partner's stamps must follow it too.
   * - `wall`: the wall clock, whatever the clock's scale, as a real partner stamps: a standalone
   *   simulator, used as a sandbox by a run or a connector that signs on the wall clock.
   */
  stamps?: 'clock' | 'wall';
  port?: number;
  host?: string;
  /**
   * Where the simulator delivers its signed webhooks (railgate's receiver) when the profile declares no
   * `webhooks.registration`: the URL configured out of band, as in a partner's dashboard. With a
   * registration, events go only to the URLs registered through that operation, and this is not used.
   */
  webhookUrl?: string;
}

export interface Simulator {
  /** Origin of the loopback server, e.g. http://127.0.0.1:40123. */
  origin: string;
  /** The base URL a client uses: origin + the contract's base path. */
  baseUrl: string;
  state: SimulatorState;
  /** The same operations as msw request handlers, for in-process use. */
  readonly handlers: HttpHandler[];
  close(): Promise<void>;
}

/**
 * The embedded partner simulator: the contract's msw handlers behind a real node:http server on
 * loopback, so timeouts, resets and keep-alive behave as they do against a partner's sandbox.
 */
export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const state: SimulatorState = {
    partner: opts.partner,
    store: new ResourceStore(),
    rng: createRng(opts.seed).fork(`simulator:${opts.partner.id}`),
    defects: new Set(opts.defects ?? []),
    now: stampTime(opts),
    ...(opts.clock ? { clock: opts.clock } : {}),
  };
  // The simulator holds what the partner would: the profile's test credentials, never the environment's.
  const credentials = credentialsFor(opts.partner.profile, 'simulator', {});
  const nowSeconds = (): number => Math.floor(state.now().getTime() / 1000);
  const tokenRng = state.rng.fork('tokens');
  state.auth = createAuthGate({ partner: opts.partner, credentials, defects: state.defects, now: nowSeconds, newToken: () => `sim_${tokenRng.alnum(32)}` });
  const clock = opts.clock ?? createClock();
  const sender = startWebhooks(state, webhookTargets(state, opts.webhookUrl), credentials, clock);
  const lifecycle = startLifecycle(state, clock, sender);
  const operations = buildOperations(state);
  const router = createRouter(opts.partner.contract.basePath, operations);
  const warming = warmUp(opts.partner, clock);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const failed = (e: unknown): void => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'SIMULATOR_ERROR', message: e instanceof Error ? e.message : String(e) } }));
    };
    readBody(req, (chunks) => {
      let answered: Promise<void> | undefined;
      try {
        answered = serve(router, state.defects, req, res, chunks);
      } catch (e) {
        failed(e);
      }
      if (answered) answered.catch(failed).finally(warming.answered);
      else warming.answered();
    }, (e) => {
      failed(e);
      warming.answered();
    });
  });
  clock.watchServer(server);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const origin = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  return {
    origin,
    baseUrl: origin + opts.partner.contract.basePath,
    state,
    // Built on first use: the loopback server routes without msw.
    get handlers() {
      return mswHandlers(opts.partner.contract.basePath, operations);
    },
    close: () =>
      new Promise<void>((resolve) => {
        lifecycle.close();
        warming.stop();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }).then(() => sender?.flush()),
  };
}

type Router = ReturnType<typeof createRouter>;

/** What the partner stamps and checks on the wire by (SimulatorOptions.stamps). */
function stampTime(opts: SimulatorOptions): () => Date {
  const { clock } = opts;
  if (opts.stamps === 'wall') {
    // A virtual clock's run signs and verifies on that clock, which jumps ahead of the wall: stamps must follow it.
    if (clock?.virtual) throw new Error('a simulator on a virtual clock stamps on that clock: stamps must be \'clock\'');
    return () => new Date();
  }
  return () => new Date(clock ? clock.now() : Date.now());
}

/**
 * Where events go: with `webhooks.registration`, the URLs registered through that operation so far (none
 * before a registration); else the URL configured out of band. Undefined when the partner sends no webhooks.
 */
function webhookTargets(state: SimulatorState, configured: string | undefined): (() => readonly string[]) | undefined {
  const spec = state.partner.profile.webhooks;
  if (!spec) return undefined;
  if (!spec.registration) return configured ? () => [configured] : undefined;
  const registrations = createRegistrations(spec.registration);
  state.onAnswered = registrations.note;
  return registrations.urls;
}

/** Signed deliveries to each target, redelivered on the run's clock until accepted. */
function startWebhooks(state: SimulatorState, targets: (() => readonly string[]) | undefined, credentials: ReturnType<typeof credentialsFor>, clock: Clock): WebhookSender | undefined {
  const spec = state.partner.profile.webhooks;
  if (!spec || !targets) return undefined;
  return createWebhookSender({ spec, credentials, targets, rng: state.rng.fork('webhooks'), now: state.now, badSignature: state.defects.has('webhook-bad-signature'), clock });
}

/** Every created transaction runs its state machine; each change is announced by a signed event (lifecycle.ts). */
function startLifecycle(state: SimulatorState, clock: Clock, sender: WebhookSender | undefined): Lifecycle {
  const all = resolveMovements(state.partner.profile);
  const movements = new Map(all.map((m) => [m.spec.create, m]));
  const lifecycle: Lifecycle = createLifecycle(clock, state.defects, state.now, (change) => {
    if (sender) announce(state, sender, change);
    // A child that settles its parent (a capture moves its authorization to CAPTURED): the parent moves now.
    const parent = settledParent(state, all, change);
    if (parent) lifecycle.moveTo(parent.movement, parent.resource, parent.to);
  });
  state.onCreated = (route, resource) => {
    const m = movements.get(route.op.id);
    if (m) lifecycle.start(m, resource);
  };
  return lifecycle;
}

function settledParent(state: SimulatorState, all: readonly ResolvedMovement[], change: StateChange): { movement: ResolvedMovement; resource: Record<string, unknown>; to: string } | undefined {
  const link = change.movement.spec.parent;
  const to = link?.settles?.[change.to];
  const movement = link && all.find((m) => m.key === link.transaction);
  const op = movement && state.partner.contract.operations.get(movement.spec.create);
  const id = link && getPointer(change.resource, link.pointer);
  if (!to || !movement || !op || (typeof id !== 'string' && typeof id !== 'number')) return undefined;
  const resource = state.store.get(op.path, String(id));
  return resource ? { movement, resource, to } : undefined;
}

const utf8 = new TextDecoder();

/**
 * One request through the router to its operation, and the answer written as it is. No msw and no fetch
 * Request / Response here: their construction cost more than the simulator's own work (docs/decisions/simulator.md).
 */
function serve(route: Router, defects: ReadonlySet<string>, req: IncomingMessage, res: ServerResponse, chunks: readonly Buffer[]): Promise<void> | undefined {
  // As fetch's Request would see it: the URL parsed (and normalised) as WHATWG does, the body decoded as UTF-8.
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const routed = route(req.method ?? 'GET', url.pathname);
  if (!routed) {
    writeAnswer(res, unrouted(route, defects, req.method ?? 'GET', url.pathname));
    return undefined;
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  const hasBody = chunks.length > 0 && req.method !== 'GET' && req.method !== 'HEAD';
  const body = hasBody ? utf8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)) : '';
  const answer = routed.operation.answer({ method: req.method ?? 'GET', url, headers, body, pathParams: routed.pathParams });
  // An answer already there (a read) is written at once; one still being worked out (a create) when it is.
  if (!(answer instanceof Promise)) {
    writeAnswer(res, answer);
    return undefined;
  }
  return answer.then((a) => writeAnswer(res, a));
}

/**
 * A request no operation takes: on a path the contract serves, a method it does not document there is 405 with
 * the methods it does (`Allow`, RFC 9110 §15.5.6), as a careful partner answers; on any other path, 404.
 */
function unrouted(route: Router, defects: ReadonlySet<string>, method: string, pathname: string): Answer {
  const allowed = ROUTED_METHODS.filter((m) => route(m, pathname));
  if (allowed.length === 0) return jsonAnswer({ error: { code: 'NO_ROUTE', message: `the contract has no operation for ${method} ${pathname}` } }, 404);
  if (defects.has('method-not-allowed-500')) return jsonAnswer({ error: { code: 'SIMULATOR_ERROR', message: `${method} is not a method this server knows` } }, 500);
  return jsonAnswer({ error: { code: 'METHOD_NOT_ALLOWED', message: `${pathname} takes ${allowed.join(', ')}, not ${method}` } }, 405, { allow: allowed.join(', ') });
}

const ROUTED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * The body's chunks, read with events, then `done`; `failed` once if the request errs or closes before its end.
 * Not an async iterator nor a promise: either cost more than a small body's reading.
 */
function readBody(req: IncomingMessage, done: (chunks: Buffer[]) => void, failed: (e: Error) => void): void {
  const chunks: Buffer[] = [];
  let settled = false;
  const fail = (e: Error): void => {
    if (settled) return;
    settled = true;
    failed(e);
  };
  req.on('data', (c: Buffer) => chunks.push(c));
  req.once('end', () => {
    if (settled) return;
    settled = true;
    done(chunks);
  });
  req.once('error', fail);
  // Closed before its end (the client gave up): nothing to answer. After the end (every request that was read
  // whole closes so), nothing to do: no error made, whose stack costs more than the rest of a read.
  req.once('close', () => {
    if (!settled) fail(new Error('the request was aborted'));
  });
}

function writeAnswer(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) });
  res.end(answer.body);
}
