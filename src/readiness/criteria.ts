import type { ErrorCoverage } from '../errors/index.ts';
import { breachText, latencyFigures } from './latency.ts';
import type { Readiness } from './model.ts';
import { percent } from './text.ts';

/**
 * `failed` and `broken` decide NO-GO and INCONCLUSIVE; `unexercised`: nothing ran (NO-GO when the family is
 * required); `excluded`: left out of GO by the profile, with its reason; `info`: shown, judged elsewhere.
 */
export type CriterionOutcome = 'failed' | 'broken' | 'unexercised' | 'met' | 'excluded' | 'info';

export interface Criterion {
  label: string;
  outcome: CriterionOutcome;
  detail: string;
}

const RANK: Record<CriterionOutcome, number> = { failed: 0, broken: 1, unexercised: 2, met: 3, excluded: 4, info: 5 };

/**
 * What GO asks of a partner (README, "What GO requires"), each with how this run stands on it, the unmet
 * first. Read from the verdict's own fields: the judge's words for why it decided stay in `reasons`.
 */
export function readinessCriteria(r: Readiness): Criterion[] {
  const criteria = [...familyCriteria(r), ...operationCriteria(r), ...errorCriteria(r), ...latencyCriteria(r), brokenCriterion(r)];
  return criteria.sort((a, b) => RANK[a.outcome] - RANK[b.outcome]);
}

function familyCriteria(r: Readiness): Criterion[] {
  const criteria: Criterion[] = [];
  for (const [family, f] of Object.entries(r.families)) {
    const counts = `${f.passed} passed, ${f.failed.length} failed, ${f.broken.length} broken, ${f.skipped.length} skipped`;
    const outcome = f.status === 'passed' ? 'met' : f.status === 'skipped' ? 'unexercised' : f.status;
    criteria.push({ label: `${family} checks pass`, outcome, detail: outcome === 'unexercised' ? `every check was skipped (${counts})` : counts });
  }
  for (const [family, why] of Object.entries(r.excluded ?? {})) criteria.push({ label: `${family} checks pass`, outcome: 'excluded', detail: `excluded by the profile: ${why}` });
  return criteria;
}

/** Operation coverage, and whether the run talked to the partner at all; a partial run is not judged on them. */
function operationCriteria(r: Readiness): Criterion[] {
  const ops = r.operations;
  if (!ops) return [];
  const required = ops.rows.filter((row) => row.required);
  const never = required.filter((row) => row.checks.length === 0).map((row) => row.operation);
  const excluded = ops.rows.filter((row) => row.excluded !== undefined).map((row) => `${row.operation} (${row.excluded})`);
  const judged = (ok: boolean): CriterionOutcome => (r.partial ? 'info' : ok ? 'met' : 'failed');
  const detail = [
    `${required.length - never.length} of ${required.length} called: ${percent(ops.coverage)}, ${percent(ops.min)} required`,
    ...(never.length > 0 ? [`never called: ${never.join(', ')}`] : []),
    ...(excluded.length > 0 ? [`excluded: ${excluded.join('; ')}`] : []),
    ...(r.partial ? ['not judged: a partial run speaks only for the checks it selected'] : []),
  ].join('; ');
  const talked = ops.rows.some((row) => row.checks.length > 0);
  return [
    { label: 'the operations the integration uses were called', outcome: judged(ops.coverage >= ops.min), detail },
    { label: 'some check talked to the partner', outcome: judged(talked), detail: talked ? 'static checks of the contract alone are never a GO' : "no check called any of the partner's operations" },
  ];
}

/** Unmapped codes fail the run (the errors family's own check); coverage is judged there against errors.minCoverage. */
function errorCriteria(r: Readiness): Criterion[] {
  const e = r.errors;
  if (!e) return [];
  const codes = new Set(e.matrix.map((row) => row.code));
  const exercised = new Set(e.matrix.filter((row) => row.exercised).map((row) => row.code));
  const unmapped = unmappedCodes(e);
  return [
    { label: 'every partner code seen is mapped', outcome: unmapped.length === 0 ? 'met' : 'failed', detail: unmapped.length === 0 ? 'no unmapped code' : `seen but not mapped: ${unmapped.join(', ')}` },
    { label: 'error-code coverage', outcome: 'info', detail: `${percent(e.coverage)}: ${exercised.size} of ${codes.size} mapped codes provoked (judged by the errors family against the profile's errors.minCoverage)` },
  ];
}

/** One entry per unmapped code, with every status and operation it came from: a run may see one code 20 times. */
function unmappedCodes(e: ErrorCoverage): string[] {
  const byCode = new Map<string, { statuses: Set<number>; operations: Set<string> }>();
  for (const u of e.unmapped) {
    const code = u.code ?? 'no code';
    const seen = byCode.get(code) ?? byCode.set(code, { statuses: new Set(), operations: new Set() }).get(code)!;
    seen.statuses.add(u.status);
    seen.operations.add(u.operationId);
  }
  return [...byCode].map(([code, s]) => `${code} (HTTP ${[...s.statuses].sort((a, b) => a - b).join(', ')} from ${[...s.operations].join(', ')})`);
}

/** Judged against a sandbox when the profile sets an SLA; shown otherwise, saying why it is not judged. */
function latencyCriteria(r: Readiness): Criterion[] {
  const l = r.latency;
  if (!l) return [];
  const label = 'latency within the SLA';
  const figures = l.rows.map(latencyFigures).join('; ');
  if (!l.judged) return [{ label, outcome: 'info', detail: `virtual time against the embedded simulator: shown, not judged (${figures})` }];
  if (!l.rows.some((row) => row.sla)) return [{ label, outcome: 'info', detail: `no SLA in the profile (readiness.latency): shown, not judged (${figures})` }];
  const over = l.rows.filter((row) => row.breaches.length > 0);
  if (over.length === 0) return [{ label, outcome: 'met', detail: figures }];
  return [{ label, outcome: 'failed', detail: over.map((row) => `${row.operation} ${row.breaches.map(breachText).join(', ')} (${row.count} exchanges)`).join('; ') }];
}

function brokenCriterion(r: Readiness): Criterion {
  const broken = r.checks.filter((c) => c.status === 'broken').length;
  return { label: 'railgate judged every check', outcome: broken === 0 ? 'met' : 'broken', detail: broken === 0 ? 'no check broke inside railgate' : `${broken} check${broken > 1 ? 's' : ''} broke inside railgate: not judged, never the partner's fault` };
}
