import { checkDuration, checkScale } from './clock.ts';
import type { Clock } from './clock.ts';

/** A Clock that only moves when told to: unit tests of anything that waits, with no real waiting. */
export interface ManualClock extends Clock {
  /** Moves now() forward by `ms` profile ms and wakes every sleeper whose deadline is reached, earliest first. */
  advance(ms: number): void;
  /** How many sleeps are waiting: lets a test advance only once the code under test is parked. */
  pending(): number;
}

export interface ManualClockOptions {
  /** Reported by `scale`, `toReal`, `toScaled`; sleeping never waits for real. Default 1. */
  scale?: number;
  /** Initial now(), ms. Default 0. */
  start?: number;
}

interface Sleeper {
  deadline: number;
  seq: number;
  wake(): void;
}

export function createManualClock(options: ManualClockOptions = {}): ManualClock {
  const scale = checkScale(options.scale ?? 1);
  let now = options.start ?? 0;
  let seq = 0;
  const sleepers: Sleeper[] = [];

  function sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const wait = checkDuration(ms);
      if (signal?.aborted) return reject(signal.reason);
      if (wait === 0) return resolve();
      const onAbort = (): void => {
        remove(sleeper);
        reject(signal?.reason);
      };
      const sleeper: Sleeper = {
        deadline: now + wait,
        seq: seq++,
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      sleepers.push(sleeper);
    });
  }

  function remove(sleeper: Sleeper): void {
    const i = sleepers.indexOf(sleeper);
    if (i >= 0) sleepers.splice(i, 1);
  }

  function advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance() needs a finite ms >= 0, got ${String(ms)}`);
    now += ms;
    // Same-deadline sleepers wake in the order they started, as real timers do.
    const due = sleepers.filter((s) => s.deadline <= now).sort((a, b) => a.deadline - b.deadline || a.seq - b.seq);
    for (const s of due) {
      remove(s);
      s.wake();
    }
  }

  return {
    scale,
    now: () => now,
    sleep,
    toReal: (ms) => ms * scale,
    toScaled: (realMs) => realMs / scale,
    advance,
    pending: () => sleepers.length,
  };
}
