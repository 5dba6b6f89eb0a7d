import { errorCoverageMarkdown } from './markdown-errors.ts';
import { latencyMarkdown } from './markdown-latency.ts';
import { operationsMarkdown } from './markdown-operations.ts';
import { reconciliationMarkdown } from './markdown-reconciliation.ts';
import type { Readiness, Verdict } from './model.ts';
import { mdCell } from './text.ts';

const ICONS: Record<Verdict, string> = { GO: '✅', 'NO-GO': '❌', INCONCLUSIVE: '⚠️' };

/** The readiness verdict as Markdown: what CI appends to its job summary and a reviewer reads first. */
export function readinessMarkdown(r: Readiness): string {
  const lines = [
    `## ${ICONS[r.verdict]} ${r.name} (${r.partner}) — ${r.verdict}`,
    '',
    `Rails: ${r.rails.join(', ')} · environment: ${r.environment} · seed: ${r.seed} · contract: ${r.contract.title} ${r.contract.version} (${r.contract.hash.slice(0, 19)}…)${r.profile ? ` · profile: ${r.profile.file} (${r.profile.hash.slice(0, 19)}…)` : ''} · judged ${r.generatedAt}${r.partial ? ' · **partial run**: the verdict covers only the selected checks' : ''}`,
    '',
  ];
  if (r.byRail) {
    lines.push('**By rail**', '');
    for (const b of r.byRail) lines.push(`- ${ICONS[b.verdict]} ${b.rail}: ${b.verdict}${b.reasons.length > 0 ? ` — ${mdCell(b.reasons.join('; '))}` : ''}`);
    lines.push('');
  }
  if (r.reasons.length > 0) {
    lines.push(`**Why ${r.verdict}**`, '');
    if (r.verdict === 'INCONCLUSIVE') lines.push('railgate could not judge every check: nothing here is proven against the partner. Fix railgate (or its configuration) and run again.', '');
    for (const reason of r.reasons) lines.push(`- ${mdCell(reason)}`);
    lines.push('');
  }
  lines.push('| family | status | passed | failed | broken | skipped |', '|---|---|---|---|---|---|');
  for (const [family, f] of Object.entries(r.families)) {
    lines.push(`| ${family} | ${f.status} | ${f.passed} | ${f.failed.length} | ${f.broken.length} | ${f.skipped.length} |`);
  }
  for (const [family, why] of Object.entries(r.excluded ?? {})) lines.push(`| ${family} | excluded: ${mdCell(why)} | | | | |`);
  // Failures first, then what railgate could not judge, then what was skipped: the order a reviewer acts in.
  const rank = { failed: 0, broken: 1, skipped: 2, passed: 3 } as const;
  const notPassed = r.checks.filter((c) => c.status !== 'passed').sort((a, b) => rank[a.status] - rank[b.status]);
  if (notPassed.length > 0) {
    lines.push('', '| check | family | status | reason |', '|---|---|---|---|');
    for (const c of notPassed) lines.push(`| ${mdCell(c.name)} | ${c.family} | ${c.status === 'broken' ? '**broken** (railgate)' : c.status} | ${mdCell(c.reason ?? '')} |`);
  }
  if (r.errors) lines.push('', ...errorCoverageMarkdown(r.errors));
  if (r.reconciliation) lines.push('', ...reconciliationMarkdown(r.reconciliation));
  if (r.operations) lines.push('', ...operationsMarkdown(r.operations));
  if (r.latency) lines.push('', ...latencyMarkdown(r.latency));
  return lines.join('\n') + '\n';
}
