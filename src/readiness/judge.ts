import type { Family } from '../profile/index.ts';
import type { CheckOutcome, FamilyVerdict, Readiness } from './model.ts';
import { latencyReason, latencyReport, untimedReason } from './latency.ts';
import type { LatencyScope } from './latency.ts';
import { coverageReason, operationCoverage } from './operations.ts';
import type { OperationScope } from './operations.ts';

export interface JudgeInput {
  /**
   * `required`: families that must pass; default every family that applies (has a planned check, so an
   * outcome), less `excluded` — each exclusion with the written reason the report shows.
   */
  partner: { id: string; name: string; rails: string[]; required?: Family[]; excluded?: Partial<Record<Family, string>> };
  /** The contract's operations and the profile's say on them; absent, coverage is not judged. */
  operations?: OperationScope;
  /** The profile's latency SLA and the run's clock; absent, latency is neither shown nor judged. */
  latency?: LatencyScope;
  contract: Readiness['contract'];
  profile?: Readiness['profile'];
  environment: string;
  seed: number;
  partial: boolean;
  outcomes: CheckOutcome[];
  now: Date;
}

/**
 * NO-GO when the partner is proven at fault: a check failed, or a family the profile requires was not
 * exercised. Otherwise INCONCLUSIVE when a check broke inside railgate: nothing against the partner, but not
 * everything was judged. GO only when nothing failed, nothing broke and every required family passed. A
 * family whose checks were all skipped is not a pass: skipped is reported as skipped, never as passed.
 */
export function judgeReadiness(input: JudgeInput): Readiness {
  const families = familyVerdicts(input.outcomes);
  const operations = input.operations && input.operations.all.length > 0 ? operationCoverage(input.operations, input.outcomes) : undefined;
  const uncovered = operations && !input.partial ? coverageReason(operations) : undefined;
  const latency = input.latency && latencyReport(input.latency, input.outcomes);
  // Slow answers are proven on a real clock whatever the run selected: a partial run is judged on them too.
  const slow = latencyReason(latency);
  const against = [...partnerReasons(input, families), ...(uncovered ? [uncovered] : []), ...(slow ? [slow] : [])];
  const broken = [brokenReason(input.outcomes), slow ? undefined : untimedReason(latency, input.latency)].filter((r): r is string => r !== undefined);
  const errors = input.outcomes.find((o) => o.evidence?.errors)?.evidence?.errors;
  const reconciliation = input.outcomes.find((o) => o.evidence?.reconciliation)?.evidence?.reconciliation;
  return {
    partner: input.partner.id,
    name: input.partner.name,
    verdict: against.length > 0 ? 'NO-GO' : broken.length > 0 ? 'INCONCLUSIVE' : 'GO',
    reasons: [...against, ...broken],
    rails: input.partner.rails,
    environment: input.environment,
    seed: input.seed,
    partial: input.partial,
    generatedAt: input.now.toISOString(),
    contract: input.contract,
    ...(input.profile && { profile: input.profile }),
    ...(input.partner.rails.length > 1 && { byRail: input.partner.rails.map((rail) => railVerdict(input, rail)) }),
    families,
    checks: input.outcomes.map(withoutEvidence),
    ...(errors && { errors }),
    ...(reconciliation && { reconciliation }),
    ...(input.partner.excluded && Object.keys(input.partner.excluded).length > 0 && { excluded: input.partner.excluded }),
    ...(operations && { operations }),
    ...(latency && { latency }),
  };
}

function familyVerdicts(outcomes: readonly CheckOutcome[]): Partial<Record<Family, FamilyVerdict>> {
  const families: Partial<Record<Family, FamilyVerdict>> = {};
  for (const o of outcomes) {
    const f = (families[o.family] ??= { status: 'skipped', passed: 0, failed: [], broken: [], skipped: [] });
    if (o.status === 'passed') f.passed++;
    else f[o.status].push(o.name);
  }
  for (const f of Object.values(families)) f.status = f.failed.length > 0 ? 'failed' : f.broken.length > 0 ? 'broken' : f.passed > 0 ? 'passed' : 'skipped';
  return families;
}

/** One rail's verdict: the same rules on the checks that serve it (each rail judged as a partner of one rail). */
function railVerdict(input: JudgeInput, rail: string): { rail: string; verdict: Readiness['verdict']; reasons: string[] } {
  const r = judgeReadiness({ ...input, partner: { ...input.partner, rails: [rail] }, outcomes: input.outcomes.filter((o) => o.rail === undefined || o.rail === rail) });
  return { rail, verdict: r.verdict, reasons: r.reasons };
}

/** What the partner's own answers prove against it, or what it was never asked: each one is a NO-GO. */
function partnerReasons(input: JudgeInput, families: Partial<Record<Family, FamilyVerdict>>): string[] {
  const reasons: string[] = [];
  for (const [family, f] of Object.entries(families)) {
    if (f.failed.length > 0) reasons.push(`${family}: ${f.failed.length} check${f.failed.length > 1 ? 's' : ''} failed (${f.failed.join('; ')})`);
  }
  // A partial run judges the families it selected: one of them with every check skipped was not exercised either.
  const excluded = input.partner.excluded ?? {};
  const required = input.partial ? (Object.keys(families) as Family[]) : (input.partner.required ?? (Object.keys(families) as Family[])).filter((f) => excluded[f] === undefined);
  for (const family of required) {
    const f = families[family];
    if (!f) reasons.push(`${family}: required for GO, but not exercised: no check of this family ran`);
    else if (f.status === 'skipped') reasons.push(`${family}: ${input.partial ? 'selected' : 'required for GO'}, but not exercised: every check was skipped (${f.skipped.length})`);
  }
  // The scenarios a launch rests on (a smoke payment, a test transaction) must have run and passed: skipped is not enough.
  const unrun = input.outcomes.filter((o) => o.launch && o.status === 'skipped');
  if (unrun.length > 0) reasons.push(`launch scenarios: every smoke and test-transaction scenario must pass, and ${unrun.length} did not run (${unrun.map((o) => `${o.name}${o.reason ? `: ${o.reason}` : ''}`).join('; ')})`);
  if (input.outcomes.length === 0) reasons.push('no check ran');
  // Static checks of the contract prove nothing about the partner: a full run must have talked to it, and so
  // must a partial one that selected checks meant to (one of them skipped) — only a selection of static checks
  // alone may pass without a call.
  else if (input.operations && !input.outcomes.some(exercised) && (!input.partial || input.outcomes.some((o) => o.status === 'skipped'))) {
    const events = input.operations.all.some((op) => op.received) ? " or delivered any of its webhooks to railgate's receiver" : '';
    reasons.push(`nothing exercised: no check called any of the partner's operations${events}${input.operations.all.length === 0 ? ' (the contract documents no operation and no webhook)' : ''}`);
  }
  return reasons;
}

/** A check that talked to the partner: it called an operation, or delivered one of its events to railgate's receiver. */
function exercised(o: CheckOutcome): boolean {
  return (o.operations?.length ?? 0) > 0 || (o.evidence?.webhooks?.length ?? 0) > 0;
}

/** One line naming every check railgate could not judge, and why: railgate's trouble, not the partner's. */
function brokenReason(outcomes: readonly CheckOutcome[]): string | undefined {
  const broken = outcomes.filter((o) => o.status === 'broken');
  if (broken.length === 0) return undefined;
  const each = broken.map((o) => `${o.family} › ${o.name}: ${o.reason ?? 'no reason given'}`);
  return `inconclusive: ${broken.length} check${broken.length > 1 ? 's' : ''} broken inside railgate, not judged (${each.join('; ')})`;
}

/** Evidence and latency samples are lifted to the verdict's own fields; each check keeps its outcome only. */
function withoutEvidence(outcome: CheckOutcome): CheckOutcome {
  const { evidence: _evidence, latency: _latency, untimed: _untimed, launch: _launch, rail: _rail, ...rest } = outcome;
  return rest;
}
