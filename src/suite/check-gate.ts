/**
 * How a partner's checks share its target (docs/decisions/concurrent-checks.md): independent checks run side by
 * side, at most `limit` at once; a check that needs the partner to itself (it injects faults, counts what every
 * other check made, or runs again after a 429 it may have owed to the others) runs alone: it waits for those
 * running to end, and none starts beside it. Waiting for alone work takes precedence over starting shared work.
 */
export interface CheckGate {
  readonly limit: number;
  shared<T>(work: () => Promise<T>): Promise<T>;
  alone<T>(work: () => Promise<T>): Promise<T>;
}

/** Whether a check runs beside others where `limit` of them may: it says it is independent, and judges no run-wide whole. */
export function runsBeside(check: { independent?: boolean; runsLast?: boolean }, limit: number): boolean {
  return limit > 1 && check.independent === true && check.runsLast !== true;
}

export function checkGate(limit: number): CheckGate {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`a check gate needs a whole limit of at least 1, not ${limit}`);
  let running = 0;
  let exclusive = false;
  const waitingShared: Array<() => void> = [];
  const waitingAlone: Array<() => void> = [];

  const wake = (): void => {
    if (exclusive) return;
    if (waitingAlone.length > 0) {
      if (running === 0) {
        exclusive = true;
        waitingAlone.shift()!();
      }
      return;
    }
    while (running < limit && waitingShared.length > 0) {
      running++;
      waitingShared.shift()!();
    }
  };

  return {
    limit,
    async shared(work) {
      if (!exclusive && waitingAlone.length === 0 && running < limit) running++;
      else await new Promise<void>((resolve) => waitingShared.push(resolve));
      try {
        return await work();
      } finally {
        running--;
        wake();
      }
    },
    async alone(work) {
      if (!exclusive && running === 0 && waitingAlone.length === 0) exclusive = true;
      else await new Promise<void>((resolve) => waitingAlone.push(resolve));
      try {
        return await work();
      } finally {
        exclusive = false;
        wake();
      }
    },
  };
}
