import type { Clock } from './clock.ts';

/** How late railgate's own event loop was while a timed phase ran. */
export interface LagProbe {
  /** Stops sampling; the worst lateness seen, in real ms (0 on a virtual clock). Idempotent. */
  stop(): number;
}

/** Real ms between two samples: short enough to see a stall of a few tens of ms, cheap enough to run always. */
const SAMPLE_MS = 10;

/**
 * Samples event-loop lateness around a timed phase: a timer due every SAMPLE_MS that fires N ms late means
 * nothing in this process (client timers, fault layer, measurements) ran for N ms. Against a sandbox that
 * lateness is railgate's own, and a duration measured meanwhile may be off by as much (issue 11).
 * On a virtual clock time moves only when the run is idle, so lateness changes nothing: no timer is started.
 */
export function startLagProbe(clock: Clock): LagProbe {
  if (clock.virtual) return { stop: () => 0 };
  let worst = 0;
  let last = performance.now();
  const lateness = (now: number): number => Math.max(0, now - last - SAMPLE_MS);
  // unref'd: a probe someone forgot to stop must not keep the process alive.
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, lateness(now));
    last = now;
  }, SAMPLE_MS).unref();
  let stopped = false;
  return {
    stop() {
      if (stopped) return worst;
      stopped = true;
      clearInterval(timer);
      // A stall at the very end of the phase has no sample after it yet: count the wait for the one that is due.
      worst = Math.max(worst, lateness(performance.now()));
      return worst;
    },
  };
}
