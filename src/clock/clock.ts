import type { Server, Socket } from 'node:net';

/**
 * Time as the harness sees it. Profiles declare realistic durations (a 10 s timeout, a Retry-After of
 * 30 s); every component that waits (client, fault layer, simulator, webhook sender and receiver) goes
 * through one Clock, in profile milliseconds. Three kinds:
 * - the wall clock (`createClock()`), against a sandbox: profile time is real time;
 * - a scaled wall clock (`createClock({ scale })`), for a standalone `railgate simulate` that a connector
 *   under development talks to at a faster pace;
 * - the virtual clock (`createVirtualClock()`), against the embedded simulator: time jumps to the next
 *   pending wait only when every component is idle, so no real timer and no CPU load decides an outcome
 *   (docs/decisions/virtual-clock.md).
 */
export interface Clock {
  /** Real ms per profile ms on a wall clock (0.01 turns 10 s into 100 ms); 1 on a virtual clock, where it means nothing. */
  readonly scale: number;
  /** True when time moves only when the run is idle: real durations say nothing about the partner. */
  readonly virtual: boolean;
  /** Profile time in ms (epoch-based). */
  now(): number;
  /** Waits `ms` profile ms. Rejects with the signal's reason on abort. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Profile ms → real ms (wall clocks). */
  toReal(ms: number): number;
  /** Real ms → profile ms (wall clocks). */
  toScaled(realMs: number): number;
  /**
   * A loopback server of railgate's (simulator, fault layer, webhook receiver): a virtual clock does not
   * move while a byte is on its way to or from one of its connections. No-op on a wall clock.
   */
  watchServer(server: Server): void;
  /** A client socket of railgate's, right after it is created: counted when it goes to a watched server. */
  watchSocket(socket: Socket, to: { host: string; port: number }): void;
  /** Stops time until the returned function is called (a virtual clock between two checks). No-op on a wall clock. */
  hold(): () => void;
}

export interface ClockOptions {
  /** Real ms per profile ms; must be finite and > 0. Default 1. */
  scale?: number;
}

export function checkScale(scale: number): number {
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new RangeError(`clock scale must be a finite number > 0, got ${String(scale)}`);
  }
  return scale;
}

export function checkDuration(ms: number): number {
  if (Number.isNaN(ms)) throw new RangeError('sleep duration is NaN');
  // A negative wait is a deadline already past: wait for nothing rather than throw,
  // callers compute `deadline - now()` and may land below zero.
  return ms > 0 ? ms : 0;
}

const noHold = (): void => undefined;

export function createClock(options: ClockOptions = {}): Clock {
  const scale = checkScale(options.scale ?? 1);
  // performance.now() is monotonic; anchoring it to Date.now() once keeps now() readable
  // as an epoch time at scale 1 without ever jumping when the system clock is adjusted.
  const originWall = Date.now();
  const originMono = performance.now();
  return {
    scale,
    virtual: false,
    now: () => originWall + (performance.now() - originMono) / scale,
    sleep: (ms, signal) => realSleep(ms * scale, signal),
    toReal: (ms) => ms * scale,
    toScaled: (realMs) => realMs / scale,
    watchServer: () => undefined,
    watchSocket: () => undefined,
    hold: () => noHold,
  };
}

// Not node:timers/promises: that rejects with a generic AbortError, and callers here want
// the reason they aborted with (client gone, proxy closing) to tell the cases apart.
function realSleep(realMs: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const wait = checkDuration(realMs);
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, wait);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
