import type { Family } from '../profile/index.ts';
import type { CheckOutcome, FamilyVerdict, Readiness } from './model.ts';

export interface JudgeInput {
  partner: { id: string; name: string; rails: string[]; required?: Family[] };
  contract: Readiness['contract'];
  environment: string;
  seed: number;
  partial: boolean;
  outcomes: CheckOutcome[];
  now: Date;
}

/**
 * GO only when nothing failed and every family the profile requires ran and passed. A family whose checks
 * were all skipped is not a pass: skipped is reported as skipped, never as passed.
 */
export function judgeReadiness(input: JudgeInput): Readiness {
  const families: Partial<Record<Family, FamilyVerdict>> = {};
  for (const o of input.outcomes) {
    const f = (families[o.family] ??= { status: 'skipped', passed: 0, failed: [], skipped: [] });
    if (o.status === 'passed') f.passed++;
    else if (o.status === 'failed') f.failed.push(o.name);
    else f.skipped.push(o.name);
  }
  for (const f of Object.values(families)) f.status = f.failed.length > 0 ? 'failed' : f.passed > 0 ? 'passed' : 'skipped';
  const reasons: string[] = [];
  for (const [family, f] of Object.entries(families)) {
    if (f.status === 'failed') reasons.push(`${family}: ${f.failed.length} check${f.failed.length > 1 ? 's' : ''} failed (${f.failed.join('; ')})`);
  }
  if (!input.partial) {
    for (const family of input.partner.required ?? []) {
      const f = families[family];
      if (!f) reasons.push(`${family}: required for GO, but no check of this family ran`);
      else if (f.status === 'skipped') reasons.push(`${family}: required for GO, but every check was skipped`);
    }
  }
  if (input.outcomes.length === 0) reasons.push('no check ran');
  const errors = input.outcomes.find((o) => o.evidence?.errors)?.evidence?.errors;
  const reconciliation = input.outcomes.find((o) => o.evidence?.reconciliation)?.evidence?.reconciliation;
  return {
    partner: input.partner.id,
    name: input.partner.name,
    verdict: reasons.length === 0 ? 'GO' : 'NO-GO',
    reasons,
    rails: input.partner.rails,
    environment: input.environment,
    seed: input.seed,
    partial: input.partial,
    generatedAt: input.now.toISOString(),
    contract: input.contract,
    families,
    checks: input.outcomes.map(withoutEvidence),
    ...(errors && { errors }),
    ...(reconciliation && { reconciliation }),
  };
}

/** Evidence is lifted to the verdict's own fields; each check keeps its outcome only. */
function withoutEvidence(outcome: CheckOutcome): CheckOutcome {
  const { evidence: _evidence, ...rest } = outcome;
  return rest;
}
