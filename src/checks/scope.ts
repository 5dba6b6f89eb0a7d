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
  readonly rng: Rng;
  /** The exchanges this check made, in the order they ended (the ledger records each here too). */
  readonly exchanges: Exchange[];
}

const scopes = new AsyncLocalStorage<CheckScope>();
let made = 0;

/** Runs a check's work in its own scope: its stream forked from `rng` by its family and name. */
export function inCheckScope<T>(rng: Rng, check: { family: string; name: string }, work: (scope: CheckScope) => Promise<T>): Promise<T> {
  const name = `${check.family} ${check.name}`;
  const scope: CheckScope = { id: String(++made), name, rng: rng.fork(`check:${name}`), exchanges: [] };
  return scopes.run(scope, () => work(scope));
}

/** The scope of the check this code runs for; undefined outside any check (the partner's setup, a unit test). */
export function currentCheckScope(): CheckScope | undefined {
  return scopes.getStore();
}
