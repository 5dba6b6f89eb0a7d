import type { Agent, Dispatcher } from 'undici';
import { undici } from './undici.ts';
import { createClock, startLagProbe } from '../clock/index.ts';
import type { Clock } from '../clock/index.ts';
import { RefusedAnswer, redirectRefusal } from './answer-limits.ts';
import type { AnswerLimits } from './answer-limits.ts';
import { jsonIssue } from './json-issue.ts';
import type { ClientTimeouts, Exchange, HttpRequest, HttpResponse } from './model.ts';
import { flatHeaders, timedDispatch } from './timed-dispatch.ts';
import { backstopMs, watchedConnector } from './watched-connector.ts';

export type ExchangeListener = (exchange: Exchange) => void;

export interface HttpClient {
  send(req: HttpRequest, opts?: SendOptions): Promise<Exchange>;
  /** Subscribe to every exchange (reporters, the contract ledger, the console printer). */
  onExchange(listener: ExchangeListener): () => void;
  close(): Promise<void>;
}

/**
 * railgate's HTTP client (undici). It never throws for what the partner does: timeouts, resets and
 * refusals come back as an Exchange with `error`, so checks judge them like any other outcome.
 */
export interface ClientOptions {
  timeouts: ClientTimeouts;
  dispatcher?: Dispatcher;
  /**
   * Sends requests for `from` to `to` (the fault layer) while the exchange keeps the target's URL:
   * requests are signed for the partner's host, and reports show where they were meant to go.
   */
  route?: { from: string; to: string };
  /** Scales every timeout (profile ms → real ms): the run's clock. Default real time. */
  clock?: Clock;
  /** The body cap and the hosts a redirect may name (issue 12); default no cap, any host. */
  limits?: AnswerLimits;
  /** Ends every exchange in flight, and refuses new ones, when it aborts: the run's overall bound. */
  signal?: AbortSignal;
  /** The check the request is sent for, named to the fault layer (route only) in CHECK_HEADER. */
  checkTag?: () => string | undefined;
}

/** Per send: a retry attempt's own timeouts (deadlineMs = what is left of the call's), and a caller's abort. */
export interface SendOptions {
  timeouts?: ClientTimeouts;
  signal?: AbortSignal;
}

/** Header that names the operation for the fault layer's rules; the fault layer strips it before forwarding. */
/** Marks the fault layer's own 502 when it could not reach the target (src/faults/proxy.ts). */
export const PROXY_ERROR_HEADER = 'x-railgate-proxy-error';

export const OPERATION_HEADER = 'x-railgate-operation';

/** Header that names the check a request belongs to, so a fault it schedules hits its own requests only; stripped too. */
export const CHECK_HEADER = 'x-railgate-check';

export function createHttpClient(opts: ClientOptions): HttpClient {
  const clock = opts.clock ?? createClock();
  // undici's own timers are a late backstop only (none on a virtual clock): timedDispatch enforces each phase on the clock.
  const agent =
    opts.dispatcher ??
    new (undici().Agent)({
      connect: watchedConnector(clock, { timeoutMs: backstopMs(clock, opts.timeouts.connectMs) }),
      headersTimeout: backstopMs(clock, opts.timeouts.headersMs),
      bodyTimeout: backstopMs(clock, opts.timeouts.bodyMs),
      keepAliveTimeout: 4_000,
    });
  const listeners = new Set<ExchangeListener>();
  let seq = 0;

  async function send(req: HttpRequest, sendOpts: SendOptions = {}): Promise<Exchange> {
    // Timed on the run's clock: against the embedded simulator that is virtual time, so the same run gives the
    // same durations on any machine (an answer takes none unless something waited on purpose).
    const started = clock.now();
    const lag = startLagProbe(clock);
    const exchange: Exchange = { seq: ++seq, request: req, startedAt: new Date().toISOString(), durationMs: 0 };
    const timeouts = sendOpts.timeouts ?? opts.timeouts;
    try {
      const route = opts.route;
      const url = route && req.url.startsWith(route.from) ? route.to + req.url.slice(route.from.length) : req.url;
      const check = route ? opts.checkTag?.() : undefined;
      const headers = route && (req.operationId || check) ? { ...req.headers, ...(req.operationId && { [OPERATION_HEADER]: req.operationId }), ...(check && { [CHECK_HEADER]: check }) } : req.headers;
      const signal = opts.signal && sendOpts.signal ? AbortSignal.any([opts.signal, sendOpts.signal]) : (opts.signal ?? sendOpts.signal);
      const res = await timedDispatch(agent, url, { method: req.method, headers, body: req.body }, { clock, timeouts, signal, ...(opts.limits && { maxBodyBytes: opts.limits.maxBodyBytes }) });
      const response = toResponse(res.status, res.headers, res.bodyText);
      // The fault layer could not reach the target (refused, unknown host…): its own 502, marked, is no answer of the
      // partner's. It is the transport error it stands for, so no check judges it as the partner's server error.
      const proxyError = route && response.headers[PROXY_ERROR_HEADER];
      if (proxyError) throw Object.assign(new Error(response.bodyText.replace(/^railgate fault proxy: /, '')), { code: proxyError });
      // Never followed; one to a host the profile does not name is refused, so no check takes it for an answer.
      const refused = redirectRefusal(req.url, response.status, response.headers.location, opts.limits?.hosts);
      if (refused) throw new RefusedAnswer('REDIRECT_REFUSED', refused, { status: response.status, headers: response.headers, bodyHead: response.bodyText, receivedBytes: Buffer.byteLength(response.bodyText) });
      exchange.response = response;
    } catch (e) {
      const err = e as { code?: string; name?: string; message?: string };
      exchange.error = { code: err.code ?? err.name ?? 'ERROR', message: err.message ?? String(e), ...(e instanceof RefusedAnswer && { partial: e.partial }) };
    }
    exchange.durationMs = Math.round(clock.now() - started);
    const late = Math.round(lag.stop());
    if (late > 0) exchange.harnessLagMs = late;
    for (const l of listeners) l(exchange);
    return exchange;
  }

  return {
    send,
    onExchange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (!opts.dispatcher) await (agent as Agent).close();
    },
  };
}

function toResponse(status: number, raw: Record<string, string | string[] | undefined>, bodyText: string): HttpResponse {
  const headers = flatHeaders(raw);
  const issue = jsonIssue(headers['content-type'], bodyText);
  return { status, headers, bodyText, body: parseBody(headers['content-type'], bodyText), ...(issue && { bodyIssue: issue }) };
}

export function parseBody(contentType: string | undefined, text: string): unknown {
  if (text === '') return undefined;
  const json = !contentType || /json/i.test(contentType);
  if (json) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
