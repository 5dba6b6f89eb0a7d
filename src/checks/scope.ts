import { AsyncLocalStorage } from 'node:async_hooks';
import type { Exchange } from '../http/index.ts';
import type { Rng } from '../random/index.ts';

/**
 * What belongs to the one check running in an async context: its own random stream and the exchanges it made.
 * Checks of a sandbox run may run side by side (docs/decisions/concurrent-checks.md); each reads its requests'
 * data from its own stream, forked from the run's by the check's name, so the same seed gives the same requests
 * whatever ran beside it, and a check run alone (`--grep`) sends what it sent in the whole run.
 */
export interface CheckScope {
  /** Names the check to the fault layer (src/faults): the faults it schedules hit its own requests only. */
  readonly id: string;
  readonly name: string;
  /** 1, or 2 for the run once more alone after a 429 beside others: a fresh scope, its own stream and faults. */
  readonly attempt: number;
  readonly rng: Rng;
  /** The exchanges this check made, in the order they ended (the ledger records each here too). */
  readonly exchanges: Exchange[];
}

const scopes = new AsyncLocalStorage<CheckScope>();
let made = 0;

/**
 * Runs a check's work in its own scope: its stream forked from `rng` by its family and name. A second attempt (the
 * run once more alone) is a scope of its own, its stream forked from the first's: it sends fresh keys and references,
 * and is judged on its own exchanges only.
 */
export function inCheckScope<T>(rng: Rng, check: { family: string; name: string }, work: (scope: CheckScope) => Promise<T>, attempt = 1): Promise<T> {
  const name = `${check.family} ${check.name}`;
  const scope: CheckScope = { id: String(++made), name, attempt, rng: rng.fork(attempt === 1 ? `check:${name}` : `attempt:${attempt}`), exchanges: [] };
  return scopes.run(scope, () => work(scope));
}

/**
 * Runs work that belongs to no check, whichever check asked for it first: a token fetch the session's checks share.
 * Its exchanges are no check's own, and no check's faults reach them.
 */
export function outsideAnyCheck<T>(work: () => T): T {
  return scopes.exit(work);
}

/** The scope of the check this code runs for; undefined outside any check (the partner's setup, a unit test). */
export function currentCheckScope(): CheckScope | undefined {
  return scopes.getStore();
}
