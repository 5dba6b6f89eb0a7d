import type { Exchange } from '../http/index.ts';
import type { CheckMeta } from './run-config.ts';

/**
 * Real ms of railgate's own lateness during an exchange past which its duration is not the partner's to answer
 * for: on a busy machine the answer may have waited that long for railgate to read it.
 */
export const UNTIMED_LAG_MS = 50;

/**
 * What a check exercised, whatever its outcome: the operations it called that the partner answered, and how
 * long each answer took (on the run's clock) for the latency figures. A check that had the fault layer inject
 * anything gives no latency at all: a delay, a hang or a retry it caused is railgate's doing, not the partner's.
 * An exchange timed while railgate itself was late (UNTIMED_LAG_MS) is counted as untimed, not as a latency.
 */
export function exercisedBy(exchanges: readonly Exchange[], faulted: boolean): Pick<CheckMeta, 'operations' | 'latency' | 'untimed'> {
  const answered = exchanges.filter((e) => e.response && e.request.operationId);
  const latency: Record<string, number[]> = {};
  const untimed: Record<string, number> = {};
  if (!faulted) {
    for (const e of answered) {
      const op = e.request.operationId as string;
      if ((e.harnessLagMs ?? 0) > UNTIMED_LAG_MS) untimed[op] = (untimed[op] ?? 0) + 1;
      else (latency[op] ??= []).push(e.durationMs);
    }
  }
  return {
    operations: [...new Set(answered.map((e) => e.request.operationId as string))],
    ...(Object.keys(latency).length > 0 && { latency }),
    ...(Object.keys(untimed).length > 0 && { untimed }),
  };
}
