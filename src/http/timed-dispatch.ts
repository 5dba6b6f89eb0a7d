import type { Dispatcher } from 'undici';
import type { Clock } from '../clock/index.ts';
import { REFUSED_HEAD_BYTES, RefusedAnswer, oversizeMessage } from './answer-limits.ts';
import type { ClientTimeouts } from './model.ts';
import { backstopMs } from './watched-connector.ts';

export interface TimedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bodyText: string;
}

/** A timeout of one phase, with undici's codes for the phases it names, and DEADLINE for the whole exchange. */
export class PhaseTimeout extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'PhaseTimeout';
    this.code = code;
  }
}

export interface TimedOptions {
  clock: Clock;
  /** Profile ms, scaled by the clock. */
  timeouts: ClientTimeouts;
  signal?: AbortSignal;
  /** Body bytes read at most; a larger body ends the exchange with a RefusedAnswer (BODY_TOO_LARGE). Default no cap. */
  maxBodyBytes?: number;
}

/**
 * One request through undici's dispatch API, each phase on the run's clock: connect (until the request
 * is on a socket), headers (until the status line), body (idle between chunks), and the whole exchange.
 * Not undici's own headersTimeout / bodyTimeout: its timers are real and tick every ~500 ms
 * (docs/decisions/virtual-clock.md). On a wall clock they stay set, a little later, as a backstop.
 */
export function timedDispatch(dispatcher: Dispatcher, url: string, init: { method: string; headers: Record<string, string>; body?: string }, opts: TimedOptions): Promise<TimedResponse> {
  const { clock, timeouts } = opts;
  const target = new URL(url);
  return new Promise<TimedResponse>((resolve, reject) => {
    let controller: Dispatcher.DispatchController | undefined;
    let settled = false;
    let phase: AbortController | undefined;
    const whole = new AbortController();
    let status = 0;
    let headers: TimedResponse['headers'] = {};
    const chunks: Buffer[] = [];
    let received = 0;
    const cap = opts.maxBodyBytes ?? Infinity;
    // Nothing past the cap is kept: the exchange ends, with what came so far for the report.
    const refuseOversize = (): void => {
      const head = Buffer.concat(chunks).subarray(0, REFUSED_HEAD_BYTES).toString('utf8');
      const flat = flatHeaders(headers);
      fail(new RefusedAnswer('BODY_TOO_LARGE', oversizeMessage(cap, received, flat['content-length']), { status, headers: flat, bodyHead: head, receivedBytes: received }));
    };

    const finish = (): void => {
      settled = true;
      phase?.abort();
      whole.abort();
      opts.signal?.removeEventListener('abort', onAbort);
    };
    const fail = (err: unknown): void => {
      if (settled) return;
      finish();
      controller?.abort(err instanceof Error ? err : new Error(String(err)));
      reject(err);
    };
    // Re-armed at each phase change and body chunk: the previous phase's timer is cancelled.
    const arm = (ms: number, code: string, what: string): void => {
      phase?.abort();
      const current = new AbortController();
      phase = current;
      expireAfter(clock, ms, current.signal, () => fail(new PhaseTimeout(code, `${what} within ${ms} ms`)));
    };
    const onAbort = (): void => fail(opts.signal?.reason);
    if (opts.signal?.aborted) return fail(opts.signal.reason);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    expireAfter(clock, timeouts.deadlineMs, whole.signal, () => fail(new PhaseTimeout('DEADLINE', `no complete answer within the ${timeouts.deadlineMs} ms deadline`)));
    arm(timeouts.connectMs, 'UND_ERR_CONNECT_TIMEOUT', 'no connection');

    dispatcher.dispatch(
      {
        origin: target.origin,
        path: target.pathname + target.search,
        method: init.method.toUpperCase() as Dispatcher.HttpMethod,
        headers: init.headers,
        body: init.body,
        headersTimeout: backstopMs(clock, timeouts.headersMs),
        bodyTimeout: backstopMs(clock, timeouts.bodyMs),
      },
      {
        onRequestStart(ctrl) {
          controller = ctrl;
          if (settled) return ctrl.abort(new Error('request abandoned before it was sent'));
          arm(timeouts.headersMs, 'UND_ERR_HEADERS_TIMEOUT', 'no response headers');
        },
        onResponseStart(_ctrl, statusCode, responseHeaders) {
          status = statusCode;
          headers = responseHeaders;
          // An announced length over the cap is refused before a byte of the body is read.
          if (Number(contentLength(responseHeaders)) > cap) return refuseOversize();
          if (!settled) arm(timeouts.bodyMs, 'UND_ERR_BODY_TIMEOUT', 'no body data');
        },
        onResponseData(_ctrl, chunk) {
          if (settled) return;
          received += chunk.length;
          if (received > cap) {
            chunks.push(chunk.subarray(0, Math.max(0, REFUSED_HEAD_BYTES - (received - chunk.length))));
            return refuseOversize();
          }
          chunks.push(chunk);
          arm(timeouts.bodyMs, 'UND_ERR_BODY_TIMEOUT', 'no further body data');
        },
        onResponseEnd() {
          if (settled) return;
          finish();
          resolve({ status, headers, bodyText: Buffer.concat(chunks).toString('utf8') });
        },
        onResponseError(_ctrl, err) {
          fail(status === 0 ? err : midBody(err, received, contentLength(headers)));
        },
      },
    );
  });
}

/** Undici's raw headers as the harness keeps them: lower-case names, a repeated field joined with `, `. */
export function flatHeaders(raw: TimedResponse['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) flat[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return flat;
}

function contentLength(headers: TimedResponse['headers']): string | undefined {
  const v = headers['content-length'];
  return Array.isArray(v) ? v[0] : v;
}

/** A connection lost during the body, said as such (undici's 'other side closed' names no phase); the code is kept for retry rules. */
function midBody(err: Error & { code?: string }, received: number, length: string | undefined): Error {
  const e = new Error(`the connection closed during the body, after ${received}${length !== undefined ? ` of ${length}` : ''} bytes: ${err.message}`, { cause: err });
  return Object.assign(e, { code: err.code ?? 'UND_ERR_SOCKET' });
}

/**
 * Calls `onExpire` once `ms` profile ms have passed on the clock. On a virtual clock that moment comes only
 * when nothing is in flight, so no answer can be waiting. On a wall clock timers run before I/O in a loop
 * turn: after a stall the timer fires before the answer already waiting on the socket is read, so the
 * timeout is declared only after pending I/O has had its turn (setImmediate runs after the poll phase).
 */
function expireAfter(clock: Clock, ms: number, signal: AbortSignal, onExpire: () => void): void {
  clock.sleep(ms, signal).then(
    () => {
      if (clock.virtual) return onExpire();
      setImmediate(() => {
        if (!signal.aborted) onExpire();
      });
    },
    () => undefined,
  );
}
