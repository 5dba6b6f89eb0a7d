/**
 * Time as the harness sees it. Profiles declare realistic durations (a 10 s timeout, a
 * Retry-After of 30 s); a suite must still run in seconds, so every component that waits
 * (client, fault proxy, simulator) goes through one Clock and the same scale. Durations in
 * and out of a Clock are in profile units; only `toReal` / `toScaled` cross to wall time.
 */
export interface Clock {
  /** Factor applied to profile durations to get real time: 0.01 turns 10 s into 100 ms. */
  readonly scale: number;
  /** Scaled wall time in ms: advances by `1 / scale` ms per real ms. */
  now(): number;
  /** Waits `ms` profile ms (real wait `ms * scale`). Rejects with the signal's reason on abort. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Profile ms → real ms. */
  toReal(ms: number): number;
  /** Real ms → profile ms. */
  toScaled(realMs: number): number;
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

export function createClock(options: ClockOptions = {}): Clock {
  const scale = checkScale(options.scale ?? 1);
  // performance.now() is monotonic; anchoring it to Date.now() once keeps now() readable
  // as an epoch time at scale 1 without ever jumping when the system clock is adjusted.
  const originWall = Date.now();
  const originMono = performance.now();
  return {
    scale,
    now: () => originWall + (performance.now() - originMono) / scale,
    sleep: (ms, signal) => realSleep(ms * scale, signal),
    toReal: (ms) => ms * scale,
    toScaled: (realMs) => realMs / scale,
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
