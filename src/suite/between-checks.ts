import type { Clock } from '../clock/index.ts';

/** Runs work on the clock, and holds time still between two such runs. */
export interface CheckTime {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Virtual time moves only while a check (or the partner's setup) runs: between two tests vitest reports and
 * allure-vitest writes, and time passing then would depend on how fast that went. With the clock held, the
 * simulator's pending state changes and redeliveries happen at the same virtual moment of the next check
 * on every machine. A wall clock ignores holds.
 */
export function holdBetweenChecks(clock: Clock): CheckTime {
  let release = clock.hold();
  let running = false;
  return {
    async run(work) {
      // One hold, released for one check at a time: two at once would leave a hold behind, and time still. Checks run
      // side by side only on a wall clock (docs/decisions/concurrent-checks.md), which ignores holds.
      if (running && clock.virtual) throw new Error('railgate: two checks at once on the virtual clock; it moves for one check at a time');
      running = true;
      release();
      try {
        return await work();
      } finally {
        running = false;
        release = clock.hold();
      }
    },
  };
}
