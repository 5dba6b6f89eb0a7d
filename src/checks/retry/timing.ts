import { startLagProbe } from '../../clock/index.ts';
import type { Clock } from '../../clock/index.ts';
import { CheckFailure } from '../model.ts';
import type { CheckContext } from '../model.ts';
import { tolerance } from './observe.ts';

/** What a timed phase gave, and how late railgate's own event loop was meanwhile (real ms; 0 on a virtual clock). */
export interface Timed<T> {
  value: T;
  lagMs: number;
}

/** Runs one timed phase of a check (a call whose durations the check judges) with a lag probe around it. */
export async function timedPhase<T>(ctx: CheckContext, phase: () => Promise<T>): Promise<Timed<T>> {
  const probe = startLagProbe(ctx.clock);
  try {
    const value = await phase();
    return { value, lagMs: probe.stop() };
  } finally {
    probe.stop();
  }
}

/** One duration a check measured, what it should have been, and what it was (for the message). */
export interface Measured {
  what: string;
  measuredMs: number;
  expectedMs: number;
  /** `late-only`: finishing early is fine (a call bounded by a deadline). */
  sides?: 'both' | 'late-only';
}

/**
 * Whether a measured duration is the expected one, within tolerance. Outside it, the deviation is the
 * partner's only when railgate kept time meanwhile: when its own event loop was later than the tolerance's
 * late margin, its timers and timestamps may be off by as much, and a harness-timing CheckFailure is thrown
 * instead — the check is run once more, then reported broken.
 */
export function withinTolerance(clock: Clock, lagMs: number, m: Measured): boolean {
  const tol = tolerance(clock, m.expectedMs);
  const early = m.sides !== 'late-only' && m.measuredMs < m.expectedMs - tol.early;
  if (!early && m.measuredMs <= m.expectedMs + tol.late) return true;
  // On a virtual clock no duration is real time: a deviation there is always the partner's (or the client's).
  if (!clock.virtual && clock.toScaled(lagMs) > tol.late) {
    throw new CheckFailure(
      `${m.what}: railgate's own event loop was ${Math.round(lagMs)} ms late during this check; the measured ${Math.round(m.measuredMs)} ms cannot be judged (expected ${Math.round(m.expectedMs)} ms, at most ${Math.round(tol.late)} ms late)`,
      { kind: 'harness-timing' },
    );
  }
  return false;
}
