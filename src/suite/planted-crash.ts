import type { Check } from '../checks/index.ts';
import { DEFECTS } from '../simulator/index.ts';

/** The test-only defect that makes railgate itself crash; the simulator never acts on it. */
export const PLANTED_CRASH = 'crash-in-check';

/** The partners whose check crashed already: one set a run (the suite's module is loaded once per run). */
const crashedFor = new Set<string>();

/**
 * Issue 17: a crash inside a check must give exit 2 and no GO, and the suite proves it. With the test-only
 * defect planted, the first check of the defect's family defined for each partner throws a plain Error from
 * railgate's code, as a bug would, instead of running; every other check is left as it is. A caller that runs
 * several runs in one process hands each its own `crashed` set.
 */
export function withPlantedCrash(defects: readonly string[], partnerId: string, check: Check, crashed: Set<string> = crashedFor): Check {
  const family = DEFECTS.find((d) => d.name === PLANTED_CRASH)?.family;
  if (!defects.includes(PLANTED_CRASH) || check.family !== family || crashed.has(partnerId)) return check;
  crashed.add(partnerId);
  return {
    ...check,
    async run() {
      throw new Error(`planted crash inside railgate (test-only defect ${PLANTED_CRASH})`);
    },
  };
}
