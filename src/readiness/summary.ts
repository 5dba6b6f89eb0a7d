import { findings } from './findings.ts';
import type { Readiness, Verdict } from './model.ts';
import { byConcern, clip, percent, tally, verdictCounts } from './text.ts';

const ICONS: Record<Verdict, string> = { GO: '✅', 'NO-GO': '❌', INCONCLUSIVE: '⚠️' };
/** A CI job page is read at a glance: each criterion and finding on one line, the full text in <partner>.md. */
const CRITERION_CHARS = 240;
const FINDING_CHARS = 200;
const FINDINGS_PER_PARTNER = 3;

/**
 * The run in a few lines, for `$GITHUB_STEP_SUMMARY`: one line per partner × rail, then the failures only
 * (each failed criterion, and the distinct reasons its checks failed or broke); GO partners add nothing more.
 */
export function readinessSummary(readiness: readonly Readiness[]): string {
  const sorted = byConcern(readiness);
  const lines = [`## railgate readiness: ${verdictCounts(sorted)}`, '', '| verdict | partner | rail | passed | failed | broken | skipped | operations |', '|---|---|---|--:|--:|--:|--:|---|'];
  for (const r of sorted) {
    const t = tally(r.checks);
    const ops = r.operations ? `${percent(r.operations.coverage)} called (${percent(r.operations.min)} required)` : '—';
    for (const rail of r.rails) {
      const verdict = r.byRail?.find((b) => b.rail === rail)?.verdict ?? r.verdict;
      lines.push(`| ${ICONS[verdict]} ${verdict} | ${md(r.partner)} | ${md(rail)} | ${t.passed} | ${t.failed} | ${t.broken} | ${t.skipped} | ${ops} |`);
    }
  }
  const first = sorted[0];
  if (first) lines.push('', `environment ${first.environment} · seed ${first.seed} · ${first.generatedAt}${sorted.some((r) => r.partial) ? ' · **partial run**: the verdicts cover only the selected checks' : ''}`);
  const notGo = sorted.filter((r) => r.verdict !== 'GO');
  if (notGo.length > 0) lines.push('', '### Failures');
  for (const r of notGo) lines.push('', ...failures(r));
  return lines.join('\n') + '\n';
}

function failures(r: Readiness): string[] {
  const lines = [`**${ICONS[r.verdict]} ${md(r.partner)} — ${r.verdict}**`, ''];
  for (const reason of r.reasons) lines.push(`- ${md(clip(reason, CRITERION_CHARS))}`);
  const found = findings(r.checks, ['failed', 'broken']);
  if (found.length > 0) lines.push('', 'Findings:', '');
  for (const f of found.slice(0, FINDINGS_PER_PARTNER)) {
    const who = f.checks.length === 1 ? f.checks[0]!.name : `${f.checks.length} checks`;
    lines.push(`- ${f.checks[0]!.family} › ${md(clip(who, 80))} (${f.status}): ${md(clip(f.reason, FINDING_CHARS))}`);
  }
  if (found.length > FINDINGS_PER_PARTNER) lines.push(`- … ${found.length - FINDINGS_PER_PARTNER} more in readiness/${md(r.partner)}.md`);
  return lines;
}

/** Partner text stays text on the CI page: no tag, link, emphasis or table cell comes out of a reason. */
function md(s: string): string {
  return s.replace(/[\\`*<>[\]|]/g, '\\$&');
}
