import type { Reconciliation } from '../transactions/index.ts';
import { mdCell } from './text.ts';

/** The reconciliation table as Markdown: problems first, then a count of the rest (a run makes dozens). */
export function reconciliationMarkdown(r: Reconciliation): string[] {
  const lines = [
    `**Reconciliation** — ${r.rows.length - r.problems} of ${r.rows.length} transactions reconcile${r.problems > 0 ? `, **${r.problems} do not**` : ''}`,
    '',
    '| movement | id | reference | status | created | partner | read | last webhook | note |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const rows = [...r.rows.filter((x) => x.status !== 'ok'), ...r.rows.filter((x) => x.status === 'ok')];
  for (const x of rows.slice(0, 50)) {
    const status = x.status === 'ok' ? 'ok' : `**${x.status}**`;
    const hook = x.webhookState ? `${x.webhookState} (${x.event ?? ''})` : '—';
    lines.push(`| ${x.movement} | ${x.id} | ${x.reference ?? '—'} | ${status} | ${x.created ?? '—'} | ${x.partner ?? '—'} | ${x.readState ?? '—'} | ${hook} | ${mdCell(x.note ?? '')} |`);
  }
  if (rows.length > 50) lines.push('', `… and ${rows.length - 50} more in the readiness JSON.`);
  return lines;
}
