import { parseDuration } from '../profile/index.ts';
import type { LatencyLimits, LatencySpec } from '../profile/index.ts';
import type { CheckOutcome, LatencyBreach, LatencyReport, LatencyRow, LatencySla, Percentile } from './model.ts';

/**
 * What the run's latency is judged against: the profile's `readiness.latency` in ms, and the clock the
 * exchanges were timed on. Against the embedded simulator time is virtual (an answer takes no time unless the
 * simulator waits on purpose): the figures are shown, never judged. Against a sandbox they are the partner's.
 */
export interface LatencyScope {
  clock: 'real' | 'virtual';
  /** For every operation. */
  sla?: LatencySla;
  /** Per operationId, over `sla` percentile by percentile. */
  operations?: Readonly<Record<string, LatencySla>>;
}

export const PERCENTILES: readonly Percentile[] = ['p50', 'p95', 'p99'];

/** Upper bounds (ms) of the distribution's buckets; one more bucket holds what is slower than the last. */
export const LATENCY_BUCKETS_MS: readonly number[] = [10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000];

/**
 * p50 / p95 / p99 per operation from every exchange of the run the partner answered (each check's `latency`
 * samples, whatever its status), with the SLA that applies and what breaches it. Pure. Nearest-rank
 * percentiles: each figure is a latency some exchange really had, and p99 of 20 exchanges is their slowest.
 */
export function latencyReport(scope: LatencyScope, outcomes: readonly CheckOutcome[]): LatencyReport | undefined {
  const samples = new Map<string, number[]>();
  const untimed: Record<string, number> = {};
  for (const o of outcomes) {
    for (const [op, ms] of Object.entries(o.latency ?? {})) (samples.get(op) ?? samples.set(op, []).get(op)!).push(...ms);
    for (const [op, n] of Object.entries(o.untimed ?? {})) untimed[op] = (untimed[op] ?? 0) + n;
  }
  if (samples.size === 0 && Object.keys(untimed).length === 0) return undefined;
  const judged = scope.clock === 'real';
  const rows = [...samples].sort(([a], [b]) => a.localeCompare(b)).map(([op, ms]) => latencyRow(op, ms, slaFor(scope, op), judged));
  return { clock: scope.clock, judged, bucketsMs: [...LATENCY_BUCKETS_MS], rows, ...(Object.keys(untimed).length > 0 && { untimed }) };
}

/**
 * railgate's trouble, not the partner's: an operation the SLA covers of which fewer exchanges were timed than
 * were left untimed (railgate's own event loop was late while timing them, on a busy machine). Its figures
 * would be a guess: the verdict is INCONCLUSIVE on it, never GO and never a NO-GO for slowness.
 */
export function untimedReason(l: LatencyReport | undefined, scope: LatencyScope | undefined): string | undefined {
  if (!l?.judged || !l.untimed || !scope) return undefined;
  const timed = (op: string): number => l.rows.find((r) => r.operation === op)?.count ?? 0;
  const each = Object.entries(l.untimed)
    .filter(([op, n]) => slaFor(scope, op) !== undefined && n > timed(op))
    .map(([op, n]) => `${op} ${n} of ${n + timed(op)}`);
  if (each.length === 0) return undefined;
  return `inconclusive: latency not judged: railgate's own event loop was late while timing most exchanges of ${each.join(', ')} (the machine is too busy to time the partner)`;
}

/** The NO-GO reason when a judged run breached the SLA, with the figures: `createPayout p95 1234 ms > 800 ms (40 exchanges)`. */
export function latencyReason(l: LatencyReport | undefined): string | undefined {
  if (!l?.judged) return undefined;
  const over = l.rows.filter((r) => r.breaches.length > 0);
  if (over.length === 0) return undefined;
  const each = over.map((r) => `${r.operation} ${r.breaches.map(breachText).join(', ')} (${r.count} exchange${r.count > 1 ? 's' : ''})`);
  return `latency: over the profile's SLA: ${each.join('; ')}`;
}

export function breachText(b: LatencyBreach): string {
  return `${b.percentile} ${ms(b.ms)} > ${ms(b.slaMs)}`;
}

/** `createPayout p50 120 ms · p95 640 ms · p99 910 ms (n=40)`: one operation's figures in a line. */
export function latencyFigures(r: LatencyRow): string {
  return `${r.operation} ${PERCENTILES.map((p) => `${p} ${ms(r[p])}`).join(' · ')} (n=${r.count})`;
}

/** '850 ms', '2.4 s': as a reviewer reads a latency. */
export function ms(n: number): string {
  return n < 1000 ? `${Math.round(n)} ms` : `${Math.round(n / 100) / 10} s`;
}

function latencyRow(operation: string, samples: number[], sla: LatencySla | undefined, judged: boolean): LatencyRow {
  const sorted = [...samples].sort((a, b) => a - b);
  const figures = { p50: rank(sorted, 50), p95: rank(sorted, 95), p99: rank(sorted, 99) };
  const breaches: LatencyBreach[] = judged && sla ? PERCENTILES.flatMap((p) => (sla[p] !== undefined && figures[p] > sla[p] ? [{ percentile: p, ms: figures[p], slaMs: sla[p] }] : [])) : [];
  const histogram = new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0);
  for (const x of sorted) {
    const i = LATENCY_BUCKETS_MS.findIndex((bound) => x <= bound);
    histogram[i === -1 ? LATENCY_BUCKETS_MS.length : i]!++;
  }
  return { operation, count: sorted.length, ...figures, max: sorted[sorted.length - 1] ?? 0, ...(sla && { sla }), breaches, histogram };
}

function rank(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function slaFor(scope: LatencyScope, operation: string): LatencySla | undefined {
  const own = scope.operations?.[operation];
  if (!scope.sla && !own) return undefined;
  return { ...scope.sla, ...own };
}

/** The profile's `readiness.latency` (durations) as the judge reads it (ms), on the run's clock: virtual against the simulator. */
export function latencyScope(spec: LatencySpec | undefined, environment: string): LatencyScope {
  const limits = (l: LatencyLimits): LatencySla => Object.fromEntries(PERCENTILES.flatMap((p) => (l[p] === undefined ? [] : [[p, parseDuration(l[p])]])));
  const { operations, ...all } = spec ?? {};
  return {
    clock: environment === 'simulator' ? 'virtual' : 'real',
    ...(spec && PERCENTILES.some((p) => all[p] !== undefined) && { sla: limits(all) }),
    ...(operations && { operations: Object.fromEntries(Object.entries(operations).map(([op, l]) => [op, limits(l)])) }),
  };
}
