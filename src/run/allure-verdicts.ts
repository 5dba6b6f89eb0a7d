import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readinessCriteria, readinessMarkdown } from '../readiness/index.ts';
import type { AllureResult, CriterionOutcome, Readiness } from '../readiness/index.ts';

const STATUS = { GO: 'passed', 'NO-GO': 'failed', INCONCLUSIVE: 'broken' } as const;
const STEP_STATUS: Record<CriterionOutcome, string> = { failed: 'failed', unexercised: 'failed', broken: 'broken', met: 'passed', excluded: 'skipped', info: 'skipped' };

/**
 * Each partner's verdict on the Allure report's front page (docs/decisions/allure-verdict.md): first in its
 * metadata (`pixpay.verdict  NO-GO: …`), and as a test of its own, `<partner> › readiness › <partner>
 * readiness: NO-GO`, failed on NO-GO, broken when INCONCLUSIVE, one step per criterion (the unmet first), the
 * readiness Markdown attached, dated just before the partner's first check so it heads the partner's tree. A
 * pass-rate donut never says whether a rail may launch. Files are named after the partner: `railgate report`
 * rebuilding the report writes them again, never twice.
 */
export async function writeAllureVerdicts(results: string, readiness: readonly Readiness[], checks: readonly AllureResult[]): Promise<void> {
  for (const r of readiness) {
    const md = `railgate-readiness-${safe(r.partner)}-attachment.md`;
    const starts = checks.filter((c) => c.labels?.some((l) => l.name === 'parentSuite' && l.value === r.partner)).map((c) => c.start ?? Infinity);
    const at = Math.min(Date.parse(r.generatedAt), ...starts) - 1;
    await writeFile(path.join(results, md), readinessMarkdown(r));
    await writeFile(path.join(results, `railgate-readiness-${safe(r.partner)}-result.json`), JSON.stringify(verdictResult(r, md, at)));
  }
  const file = path.join(results, 'environment.properties');
  const before = await readFile(file, 'utf8').catch(() => '');
  await writeFile(file, withVerdicts(before, readiness));
}

/** environment.properties with a `<partner>.verdict` line per partner first (the front page lists them in order), earlier ones dropped. */
export function withVerdicts(properties: string, readiness: readonly Readiness[]): string {
  const verdicts = readiness.map((r) => `${r.partner}.verdict=${r.verdict}${r.reasons[0] ? `: ${r.reasons[0].replace(/\s+/g, ' ').slice(0, 160)}` : ''}`);
  const rest = properties.split('\n').filter((l) => l.trim() !== '' && !/^[^=]*\.verdict=/.test(l));
  return [...verdicts, ...rest].join('\n') + '\n';
}

/** The Allure result (allure-js-commons' TestResult shape) for one partner's verdict, at time `at`. Pure. */
export function verdictResult(r: Readiness, markdownSource: string, at: number = Date.parse(r.generatedAt)): Record<string, unknown> {
  const id = createHash('md5').update(`railgate readiness ${r.partner}`).digest('hex');
  const steps = readinessCriteria(r).map((c) => ({ name: `${c.label}: ${c.detail}`, status: STEP_STATUS[c.outcome], stage: 'finished', steps: [], attachments: [], parameters: [], start: at, stop: at }));
  const labels = [
    { name: 'parentSuite', value: r.partner },
    { name: 'suite', value: 'readiness' },
    { name: 'feature', value: 'readiness' },
    ...r.rails.map((rail) => ({ name: 'epic', value: rail })),
    { name: 'severity', value: 'blocker' },
    { name: 'partner', value: r.partner },
    { name: 'tag', value: 'verdict' },
  ];
  return {
    uuid: createHash('md5').update(`${id} ${r.generatedAt}`).digest('hex'),
    historyId: id,
    testCaseId: id,
    name: `${r.partner} readiness: ${r.verdict}`,
    fullName: `railgate readiness ${r.partner}`,
    description: `${r.name}: ${r.verdict} for ${r.rails.join(', ')} (${r.environment}, seed ${r.seed}${r.partial ? ', partial run' : ''}). The readiness report in reports/readiness/ is what a reviewer signs.`,
    status: STATUS[r.verdict],
    statusDetails: r.reasons.length > 0 ? { message: r.reasons.join('\n') } : {},
    stage: 'finished',
    steps,
    attachments: [{ name: `readiness ${r.partner}.md`, source: markdownSource, type: 'text/markdown' }],
    parameters: [{ name: 'environment', value: r.environment }],
    labels,
    links: [],
    start: at,
    stop: at,
  };
}

function safe(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}
