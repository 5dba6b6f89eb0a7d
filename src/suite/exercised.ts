import type { ProxyEvent } from '../faults/index.ts';
import type { Exchange } from '../http/index.ts';
import type { CheckMeta } from './run-config.ts';

/**
 * What a check exercised, whatever its outcome: the operations it called that the partner answered, and how
 * long each answer took (on the run's clock) for the latency figures. A check that had the fault layer inject
 * anything gives no latency at all: a delay, a hang or a retry it caused is railgate's doing, not the partner's.
 */
export function exercisedBy(exchanges: readonly Exchange[], faulted: boolean): Pick<CheckMeta, 'operations' | 'latency'> {
  const answered = exchanges.filter((e) => e.response && e.request.operationId);
  const latency: Record<string, number[]> = {};
  if (!faulted) for (const e of answered) (latency[e.request.operationId as string] ??= []).push(e.durationMs);
  return { operations: [...new Set(answered.map((e) => e.request.operationId as string))], ...(Object.keys(latency).length > 0 && { latency }) };
}

/**
 * Whether the fault layer injected a fault since `mark` (the log's length when the check began). A check that
 * cleared the log meanwhile is judged on what the log holds now: it cleared it to inject faults of its own.
 */
export function injectedSince(log: readonly ProxyEvent[], mark: number): boolean {
  return (log.length >= mark ? log.slice(mark) : log).some((e) => e.outcome !== 'forwarded');
}
