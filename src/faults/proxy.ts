import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Pool } from 'undici';
import { createClock } from '../clock/index.ts';
import { CHECK_HEADER, OPERATION_HEADER, PROXY_ERROR_HEADER } from '../http/client.ts';
import { backstopMs, watchedConnector } from '../http/watched-connector.ts';
import { splitRequestHeaders } from './headers.ts';
import { createSchedule } from './schedule.ts';
import { relay } from './forward.ts';
import { injectFault } from './kinds/index.ts';
import { originForm, parseTarget, pathnameOf } from './paths.ts';
import { readBody } from './read-body.ts';
import { describeError, errorCode } from './describe-error.ts';
import type { Exchange, FaultEnv } from './exchange.ts';
import type { FaultProxy, FaultProxyOptions, ProxyEvent } from './types.ts';

const DEFAULT_MAX_HOLD_MS = 600_000;

/**
 * A reverse proxy on loopback between railgate's client and the target. Without rules it only
 * relays; scheduled rules inject faults into the next matching requests. The client keeps its
 * own timeouts: the proxy never decides that a request failed, it only makes the network misbehave.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = parseTarget(options.target);
  const maxHoldMs = checkMaxHold(options.maxHoldMs ?? DEFAULT_MAX_HOLD_MS);
  const clock = options.clock ?? createClock();
  const operationHeader = (options.operationHeader ?? OPERATION_HEADER).toLowerCase();
  const logHeaders = new Set((options.logHeaders ?? []).map((h) => h.toLowerCase()));
  const closing = new AbortController();
  const env: FaultEnv = {
    clock,
    // The target's own timeouts are the client's to judge; undici's here are only a backstop (none on a virtual clock).
    pool: new Pool(target.origin, { connect: watchedConnector(clock, { timeoutMs: 10_000, ...(options.targetTls ? { tls: options.targetTls } : {}) }), headersTimeout: backstopMs(clock, 300_000), bodyTimeout: backstopMs(clock, 300_000) }),
    maxHoldMs,
    closing: closing.signal,
  };
  const schedule = createSchedule();
  let log: ProxyEvent[] = [];
  let seq = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const split = splitRequestHeaders(req.rawHeaders, { operationHeader, checkHeader: CHECK_HEADER, logHeaders });
    const method = req.method ?? 'GET';
    const path = originForm(req.url ?? '/');
    const fault = schedule.size === 0 ? undefined : schedule.take({ method, pathname: pathnameOf(path), operationId: split.operationId, check: split.check });
    const event: ProxyEvent = {
      seq: ++seq,
      method,
      path,
      operationId: split.operationId,
      check: split.check,
      headers: split.logged,
      outcome: fault ? fault.kind : 'forwarded',
      fault,
      forwarded: false,
      upstreamStatus: undefined,
      status: undefined,
      at: clock.now(),
      endedAt: undefined,
      error: undefined,
    };
    log.push(event);
    try {
      const body = split.hasBody ? await readBody(req) : null;
      const ex: Exchange = { req, res, event, outgoing: { method, path, headers: split.forward, body } };
      await (fault ? injectFault(ex, fault, env) : relay(ex, env));
    } catch (err) {
      fail(req, res, event, err);
    } finally {
      event.endedAt = clock.now();
    }
  }

  function fail(req: IncomingMessage, res: ServerResponse, event: ProxyEvent, err: unknown): void {
    const gone = req.socket.destroyed;
    event.error = closing.signal.aborted ? 'fault proxy closed' : gone ? `client went away: ${describeError(err)}` : describeError(err);
    if (res.headersSent || closing.signal.aborted || gone) {
      res.destroy();
      return;
    }
    // The proxy's own failure (target unreachable…) is marked, so it is never taken for the partner's 502.
    const body = Buffer.from(`railgate fault proxy: ${event.error}`);
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length, [PROXY_ERROR_HEADER]: errorCode(err) });
    event.status = 502;
    res.end(body);
  }

  const server = createServer((req, res) => void handle(req, res));
  clock.watchServer(server);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await env.pool.destroy();
    throw err;
  }
  const { port } = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}${target.basePath}`,
    get log() {
      return log;
    },
    schedule: (rule) => schedule.add(rule),
    pending: () => schedule.pending(),
    clear(check) {
      schedule.clear(check);
      if (check === undefined) log = [];
    },
    close() {
      closed ??= (async () => {
        closing.abort(new Error('fault proxy closed'));
        const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Held and stalled sockets never end by themselves: end them all now.
        for (const socket of sockets) socket.destroy();
        await Promise.all([serverClosed, env.pool.destroy()]);
      })();
      return closed;
    },
  };
}

function checkMaxHold(ms: number): number {
  if (!(ms > 0) || !Number.isFinite(ms)) throw new RangeError(`fault proxy: maxHoldMs must be a finite number > 0, got ${String(ms)}`);
  return ms;
}
