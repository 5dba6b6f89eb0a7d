import { ms, PERCENTILES } from './latency.ts';
import type { LatencyReport, LatencyRow } from './model.ts';

/** Latency per operation as Markdown, saying first whether it was judged and on which clock. */
export function latencyMarkdown(l: LatencyReport): string[] {
  const lines = [`**Latency** — ${latencyClockNote(l)}`, '', '| operation | exchanges | p50 | p95 | p99 | max | SLA | |', '|---|--:|--:|--:|--:|--:|---|---|'];
  for (const r of l.rows) {
    const verdict = r.breaches.length > 0 ? `**over: ${r.breaches.map((b) => b.percentile).join(', ')}**` : l.judged && r.sla ? 'within' : '';
    lines.push(`| ${r.operation} | ${r.count} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${slaText(r)} | ${verdict} |`);
  }
  return lines;
}

/** Why the figures are, or are not, a criterion: the same sentence on the page and in the Markdown. */
export function latencyClockNote(l: LatencyReport): string {
  if (!l.judged) return 'virtual time against the embedded simulator: an answer takes no time unless the simulator waits on purpose, so the figures are shown, not judged.';
  const note = l.rows.some((r) => r.sla) ? "real time against the partner: a percentile over the profile's SLA (readiness.latency) is NO-GO." : 'real time against the partner; the profile sets no SLA (readiness.latency), so the figures are shown, not judged.';
  return l.untimed ? `${note} ${untimedNote(l.untimed)}` : note;
}

/** The exchanges left out of the figures, and why: railgate's own lateness is not the partner's latency. */
function untimedNote(untimed: Readonly<Record<string, number>>): string {
  const each = Object.entries(untimed).map(([op, n]) => `${op} ${n}`);
  return `Left out, timed while railgate's own event loop was late (the machine was busy): ${each.join(', ')}.`;
}

export function slaText(r: LatencyRow): string {
  return r.sla ? PERCENTILES.filter((p) => r.sla?.[p] !== undefined).map((p) => `${p} ≤ ${ms(r.sla![p]!)}`).join(', ') : '—';
}
