import { checkScale } from './clock.ts';
import type { Clock } from './clock.ts';
import { createTimerQueue } from './timer-queue.ts';

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

export function createManualClock(options: ManualClockOptions = {}): ManualClock {
  const scale = checkScale(options.scale ?? 1);
  let now = options.start ?? 0;
  const timers = createTimerQueue(() => now);

  function advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance() needs a finite ms >= 0, got ${String(ms)}`);
    now += ms;
    timers.wakeUntil(now);
  }

  return {
    scale,
    virtual: false,
    now: () => now,
    sleep: timers.sleep,
    toReal: (ms) => ms * scale,
    toScaled: (realMs) => realMs / scale,
    watchServer: () => undefined,
    watchSocket: () => undefined,
    hold: () => () => undefined,
    advance,
    pending: timers.size,
  };
}
