import { Agent, request as undiciRequest } from 'undici';
import type { Dispatcher } from 'undici';
import type { ClientTimeouts, Exchange, HttpRequest, HttpResponse } from './model.ts';

export type ExchangeListener = (exchange: Exchange) => void;

export interface HttpClient {
  send(req: HttpRequest): Promise<Exchange>;
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
}

/** Header that names the operation for the fault layer's rules; the fault layer strips it before forwarding. */
export const OPERATION_HEADER = 'x-railgate-operation';

export function createHttpClient(opts: ClientOptions): HttpClient {
  const { timeouts } = opts;
  const agent =
    opts.dispatcher ??
    new Agent({
      connect: { timeout: timeouts.connectMs },
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
      keepAliveTimeout: 4_000,
    });
  const listeners = new Set<ExchangeListener>();
  let seq = 0;

  async function send(req: HttpRequest): Promise<Exchange> {
    const started = Date.now();
    const exchange: Exchange = { seq: ++seq, request: req, startedAt: new Date(started).toISOString(), durationMs: 0 };
    const deadline = AbortSignal.timeout(timeouts.deadlineMs);
    try {
      const route = opts.route;
      const url = route && req.url.startsWith(route.from) ? route.to + req.url.slice(route.from.length) : req.url;
      const headers = route && req.operationId ? { ...req.headers, [OPERATION_HEADER]: req.operationId } : req.headers;
      const res = await undiciRequest(url, {
        method: req.method.toUpperCase() as Dispatcher.HttpMethod,
        headers,
        body: req.body,
        dispatcher: agent,
        signal: deadline,
        headersTimeout: timeouts.headersMs,
        bodyTimeout: timeouts.bodyMs,
      });
      const bodyText = await res.body.text();
      exchange.response = toResponse(res.statusCode, res.headers, bodyText);
    } catch (e) {
      const err = e as { code?: string; name?: string; message?: string };
      const code = deadline.aborted ? 'DEADLINE' : (err.code ?? err.name ?? 'ERROR');
      exchange.error = { code, message: deadline.aborted ? `no complete answer within the ${timeouts.deadlineMs} ms deadline` : (err.message ?? String(e)) };
    }
    exchange.durationMs = Date.now() - started;
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
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return { status, headers, bodyText, body: parseBody(headers['content-type'], bodyText) };
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
