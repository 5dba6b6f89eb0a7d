import { checkDuration } from './clock.ts';

interface Sleeper {
  deadline: number;
  seq: number;
  wake(): void;
}

/** The waits of a clock that moves only when told (manual and virtual clocks): who sleeps until when. */
export interface TimerQueue {
  /** Sleeps until `now() + ms`; rejects with the signal's reason on abort. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** The earliest deadline waited for, if any. */
  next(): number | undefined;
  /** Wakes every sleeper whose deadline is at or before `t`, earliest first, same deadlines in the order they started. */
  wakeUntil(t: number): void;
  size(): number;
}

export function createTimerQueue(now: () => number, onAdd: () => void = () => undefined): TimerQueue {
  const sleepers: Sleeper[] = [];
  let seq = 0;

  function remove(sleeper: Sleeper): void {
    const i = sleepers.indexOf(sleeper);
    if (i >= 0) sleepers.splice(i, 1);
  }

  return {
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        const wait = checkDuration(ms);
        if (signal?.aborted) return reject(signal.reason);
        if (wait === 0) return resolve();
        const onAbort = (): void => {
          remove(sleeper);
          reject(signal?.reason);
        };
        const sleeper: Sleeper = {
          deadline: now() + wait,
          seq: seq++,
          wake: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        // Kept sorted by (deadline, seq): the earliest is always first.
        let i = sleepers.length;
        while (i > 0 && (sleepers[i - 1] as Sleeper).deadline > sleeper.deadline) i--;
        sleepers.splice(i, 0, sleeper);
        onAdd();
      });
    },
    next: () => sleepers[0]?.deadline,
    wakeUntil(t) {
      let n = 0;
      while (n < sleepers.length && (sleepers[n] as Sleeper).deadline <= t) n++;
      for (const s of sleepers.splice(0, n)) s.wake();
    },
    size: () => sleepers.length,
  };
}
