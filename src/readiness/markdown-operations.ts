import type { OperationCoverage } from './model.ts';
import { mdCell } from './text.ts';

/** Every operation of the contract: used or not, excluded and why, and the checks that called it. */
export function operationsMarkdown(c: OperationCoverage): string[] {
  const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
  const lines = [`**Operations**: ${pct(c.coverage)} of the operations the integration uses were exercised (${pct(c.min)} required)`, '', '| operation | used | checks that called it |', '|---|---|---|'];
  for (const r of c.rows) {
    const used = r.excluded !== undefined ? `excluded: ${mdCell(r.excluded)}` : r.required ? 'yes' : 'no';
    const counts = new Map<string, number>();
    for (const k of r.checks) counts.set(k.status, (counts.get(k.status) ?? 0) + 1);
    const checks = r.checks.length === 0 ? (r.required ? (r.received ? '**never delivered**' : '**never called**') : '—') : [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
    lines.push(`| \`${r.method} ${r.path}\` ${r.operation} | ${used} | ${checks} |`);
  }
  return lines;
}
