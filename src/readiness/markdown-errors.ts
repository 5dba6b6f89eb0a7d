import type { ErrorCoverage } from '../errors/index.ts';
import { percent } from './text.ts';

/** The error-code coverage matrix as Markdown: which mapped codes the run exercised, and what it saw unmapped. */
export function errorCoverageMarkdown(c: ErrorCoverage): string[] {
  const codes = new Set(c.matrix.map((row) => row.code));
  const exercised = new Set(c.matrix.filter((row) => row.exercised).map((row) => row.code));
  const lines = [
    `**Error codes** — coverage ${percent(c.coverage)} (${exercised.size} of ${codes.size} mapped codes exercised)`,
    '',
    '| partner code | status | canonical | exercised |',
    '|---|---|---|---|',
  ];
  for (const row of c.matrix) lines.push(`| ${row.code} | ${row.status ?? '—'} | ${row.canonical} | ${row.exercised ? 'yes' : '**no**'} |`);
  if (c.unmapped.length > 0) {
    lines.push('', '**Seen but not mapped**', '');
    for (const u of c.unmapped) lines.push(`- ${u.code === undefined ? 'no code' : `\`${u.code}\``} with ${u.status} from ${u.operationId}`);
  }
  return lines;
}
