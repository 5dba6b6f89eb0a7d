import { setMaxListeners } from 'node:events';
import { parseDuration } from '../profile/index.ts';
import type { EnvironmentName, Profile } from '../profile/index.ts';

/** How long a run may take where neither the profile nor the command line says: long for a sandbox, never endless. */
export const DEFAULT_RUN_TIMEOUT = '30m';

/** Which bound holds, and where it comes from, for the words that report it. */
export interface BoundSpec {
  ms: number;
  /** `--max-time 10s`, `environments.sandbox.runTimeout 5m`, `runTimeout 20m`, or the default. */
  source: string;
  /** Epoch ms it counts from: the command's start for `--max-time`, else the partner's first check. */
  from?: number;
}

/**
 * Pure: the bound of one partner's part of a run (docs/decisions/run-bound.md). `--max-time` bounds the whole
 * run and overrides every profile; else the environment's `runTimeout`, the profile's, the default 30m.
 */
export function boundSpec(profile: Pick<Profile, 'runTimeout' | 'environments'>, env: EnvironmentName, maxTime?: { ms: number; from: number; text: string }): BoundSpec {
  if (maxTime) return { ms: maxTime.ms, source: `--max-time ${maxTime.text}`, from: maxTime.from };
  const own = profile.environments[env]?.runTimeout;
  if (own !== undefined) return { ms: parseDuration(own), source: `environments.${env}.runTimeout ${own}` };
  if (profile.runTimeout !== undefined) return { ms: parseDuration(profile.runTimeout), source: `runTimeout ${profile.runTimeout}` };
  return { ms: parseDuration(DEFAULT_RUN_TIMEOUT), source: `the default runTimeout ${DEFAULT_RUN_TIMEOUT}` };
}

/** A check ended, or never started, because the run reached its bound: railgate's limit, never the partner's doing. */
export class RunBoundReached extends Error {
  readonly code = 'RUN_BOUND';
  constructor(message: string) {
    super(message);
    this.name = 'RunBoundReached';
    this.stack = `${this.name}: ${message}`;
  }
}

export interface RunBound {
  /** Aborts, with a RunBoundReached, when the bound is reached: every exchange in flight ends with it. */
  signal: AbortSignal;
  /** Throws RunBoundReached, saying the work did not start, once the bound is reached. */
  check(what: string): void;
  /** The work, or RunBoundReached as soon as the bound is reached while it runs (the work is let go). */
  race<T>(what: string, work: () => Promise<T>): Promise<T>;
}

/**
 * The bound, on a real timer: it is about the time a run costs, on any clock (a virtual one included). The
 * timer is unref'd, so a run that ends earlier is not kept waiting for it.
 */
export function startRunBound(spec: BoundSpec, now = Date.now()): RunBound {
  const endsAt = (spec.from ?? now) + spec.ms;
  const ctl = new AbortController();
  // Every exchange in flight listens to it, and removes its listener when it ends: a check sending a burst of
  // concurrent requests (the idempotency family's duplicates) is no leak, whatever Node's default of 10 thinks.
  setMaxListeners(0, ctl.signal);
  const said = `the run reached its bound (${spec.source})`;
  const timer = setTimeout(() => ctl.abort(new RunBoundReached(`not finished: ${said}`)), Math.max(0, endsAt - now));
  timer.unref();
  return {
    signal: ctl.signal,
    check(what) {
      if (ctl.signal.aborted) throw new RunBoundReached(`not run: ${said} before ${what} started`);
    },
    race<T>(what: string, work: () => Promise<T>): Promise<T> {
      this.check(what);
      return new Promise<T>((resolve, reject) => {
        const onAbort = (): void => reject(new RunBoundReached(`not finished: ${said} while ${what} was running`));
        ctl.signal.addEventListener('abort', onAbort, { once: true });
        work().then(
          (v) => {
            ctl.signal.removeEventListener('abort', onAbort);
            resolve(v);
          },
          (e: unknown) => {
            ctl.signal.removeEventListener('abort', onAbort);
            reject(e);
          },
        );
      });
    },
  };
}
