import type { Dispatcher } from 'undici';
import type { Clock } from '../clock/index.ts';
import type { ClientTimeouts } from './model.ts';

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
}

/**
 * One request through undici's dispatch API, each phase on the run's clock: connect (until the request
 * is on a socket), headers (until the status line), body (idle between chunks), and the whole exchange.
 * Not undici's own headersTimeout / bodyTimeout: its timers tick every ~500 ms, so a 100 ms scaled
 * timeout fires at ~1 s (docs/decisions/scaled-clock.md). They stay set, a little later, as a backstop.
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
    const backstop = (ms: number): number => clock.toReal(ms) + 1_000;

    dispatcher.dispatch(
      {
        origin: target.origin,
        path: target.pathname + target.search,
        method: init.method.toUpperCase() as Dispatcher.HttpMethod,
        headers: init.headers,
        body: init.body,
        headersTimeout: backstop(timeouts.headersMs),
        bodyTimeout: backstop(timeouts.bodyMs),
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
          if (!settled) arm(timeouts.bodyMs, 'UND_ERR_BODY_TIMEOUT', 'no body data');
        },
        onResponseData(_ctrl, chunk) {
          chunks.push(chunk);
          if (!settled) arm(timeouts.bodyMs, 'UND_ERR_BODY_TIMEOUT', 'no further body data');
        },
        onResponseEnd() {
          if (settled) return;
          finish();
          resolve({ status, headers, bodyText: Buffer.concat(chunks).toString('utf8') });
        },
        onResponseError(_ctrl, err) {
          fail(err);
        },
      },
    );
  });
}

/** Lateness of a timer, in real ms, past which the process itself was not running (not timer rounding). */
const STALL_REAL_MS = 15;

/**
 * Calls `onExpire` once `ms` profile ms have passed on the clock — counting only time this process could run.
 * Client, fault layer and simulator share one event loop: when the loop stalls (GC, a burst of work, a CPU
 * taken by other processes), the timer fires late and, timers running before I/O in each loop turn, before
 * the answer already waiting on the socket is read. So a late timer gives the stolen time back once, and the
 * timeout is declared only after pending I/O has had its turn (setImmediate runs after the poll phase).
 * At scale 0.01 a 10 s timeout is 100 ms, the same order as such a stall; at scale 1 this changes nothing.
 */
function expireAfter(clock: Clock, ms: number, signal: AbortSignal, onExpire: () => void): void {
  const due = performance.now() + clock.toReal(ms);
  const declare = (): void => {
    setImmediate(() => {
      if (!signal.aborted) onExpire();
    });
  };
  clock.sleep(ms, signal).then(
    () => {
      const late = performance.now() - due;
      if (late <= STALL_REAL_MS) return declare();
      clock.sleep(clock.toScaled(late), signal).then(declare, () => undefined);
    },
    () => undefined,
  );
}
