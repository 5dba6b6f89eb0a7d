import type { Partner } from '../../partner/index.ts';
import { executeScenario } from '../../scenario/index.ts';
import type { Scenario } from '../../scenario/index.ts';
import type { Check } from '../model.ts';

/** Each scenario of the partner's suite folder is one check, in the family the scenario names. */
export function scenarioChecks(partner: Partner): Check[] {
  return partner.scenarios.map((s) => ({
    name: s.name,
    scenario: s.name,
    title: s.title,
    rail: s.rail,
    family: s.family,
    severity: s.severity,
    tags: s.tags,
    loc: { file: s.file, line: 1, col: 1 },
    destructive: s.tags.includes('destructive') || s.steps.some((st) => st.call !== undefined && partner.contract.operations.get(st.call)?.mutating === true),
    independent: independent(s),
    run: (ctx) => executeScenario(ctx, s),
  }));
}

/**
 * A scenario may run beside others (its faults hit its own requests only) unless it awaits a webhook it does not
 * pick out by a value of its own (a capture or named step, its `${seq}`, a `${uuid}`): a constant match
 * (`/data/status: COMPLETED`, `${env.MERCHANT_ID}`, `${now}`) could be answered by another check's delivery.
 */
function independent(s: Scenario): boolean {
  return s.steps.every((st) => st.action !== 'await-webhook' || Object.values(st.match ?? {}).some(ownValue));
}

function ownValue(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  return [...v.matchAll(/\$\{\s*([^}.\s]+)/g)].some(([, head]) => head !== 'env' && head !== 'now');
}
