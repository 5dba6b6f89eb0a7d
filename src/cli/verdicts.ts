import { appendFile } from 'node:fs/promises';
import type { Readiness } from '../readiness/index.ts';
import type { Output } from './output.ts';

const VERDICT_WIDTH = 'INCONCLUSIVE'.length;

/** What a run (or `railgate report`) ends with: each verdict and its reasons, where the reports are, the CI summary. */
export async function printVerdicts(out: Output, readiness: readonly Readiness[], reportsDir: string, allureReport: string | undefined): Promise<void> {
  out.info('');
  for (const r of readiness) {
    out.info(`${r.verdict.padEnd(VERDICT_WIDTH)}  ${r.partner}${r.partial ? ' (partial run)' : ''}`);
    for (const reason of r.reasons) out.info(`${' '.repeat(VERDICT_WIDTH + 2)}- ${reason.split('\n')[0]}`);
  }
  out.info(`\nreports: ${reportsDir}/readiness/index.html · summary.md · *.md · ${reportsDir}/junit.xml · ${allureReport ?? `${reportsDir}/allure-results (HTML report not generated: --html builds it)`}`);
  if (process.env.GITHUB_STEP_SUMMARY) {
    // The short summary (as readiness/summary.md): a line per partner × rail, then failures; the full Markdown stays in the files.
    const { readinessSummary } = await import('../readiness/index.ts');
    await appendFile(process.env.GITHUB_STEP_SUMMARY, readinessSummary(readiness));
  }
}

/** 2 when some partner could not be judged (INCONCLUSIVE), 1 for any NO-GO, 0 when every partner is GO. */
export function exitCodeOf(readiness: readonly Readiness[]): number {
  if (readiness.some((r) => r.verdict === 'INCONCLUSIVE')) return 2;
  return readiness.every((r) => r.verdict === 'GO') ? 0 : 1;
}
