import type { Duration } from './model.ts';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** '250ms' | '10s' | '2m' | '1h' | milliseconds → milliseconds. The schema guarantees the form. */
export function parseDuration(d: Duration): number {
  if (typeof d === 'number') return d;
  const m = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/.exec(d);
  if (!m) throw new Error(`not a duration: ${d}`);
  return Number(m[1]) * (UNIT_MS[m[2] ?? 'ms'] ?? 1);
}
