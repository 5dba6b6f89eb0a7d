import type { CheckStatus, Readiness, Verdict } from './model.ts';

/** Escapes text for HTML content and attribute values: check names, reasons and codes come from partners' answers. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Text in a Markdown table cell or list line: a `|` would end the cell, a line break the row. */
export function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

// Floor, not round: 99.6 % must not read as 100 %.
export function percent(share: number): string {
  return `${Math.floor(share * 1000) / 10}%`;
}

/** One line, at most `max` characters: for tables and summaries that point to the full text elsewhere. */
export function clip(s: string, max: number): string {
  const line = s.replace(/\s*\n\s*/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

export type Tally = Record<CheckStatus, number>;

export function tally(checks: readonly { status: CheckStatus }[]): Tally {
  const t: Tally = { passed: 0, failed: 0, broken: 0, skipped: 0 };
  for (const c of checks) t[c.status]++;
  return t;
}

const CONCERN: Record<Verdict, number> = { 'NO-GO': 0, INCONCLUSIVE: 1, GO: 2 };

/** NO-GO first, then INCONCLUSIVE, then GO: a reviewer reads what blocks the launch before what does not. */
export function byConcern(readiness: readonly Readiness[]): Readiness[] {
  return [...readiness].sort((a, b) => CONCERN[a.verdict] - CONCERN[b.verdict]);
}

/** "1 NO-GO · 2 GO": the run at a glance, most serious first, verdicts no partner got left out. */
export function verdictCounts(readiness: readonly Readiness[]): string {
  const counts = new Map<Verdict, number>();
  for (const r of byConcern(readiness)) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  return [...counts].map(([verdict, n]) => `${n} ${verdict}`).join(' · ');
}
