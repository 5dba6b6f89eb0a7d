import type { Partner } from '../partner/index.ts';
import type { EnvironmentName, Family } from '../profile/index.ts';
import { contractFamily } from './contract/family.ts';
import type { Check, CheckFamily } from './model.ts';
import { scenarioChecks } from './scenarios/scenario-checks.ts';

/**
 * The check families, in the order they run. `contract` runs last: it judges every answer the others saw.
 * Adding a family = one folder + one line here.
 */
export const FAMILIES: readonly CheckFamily[] = [contractFamily];

export const FAMILY_ORDER: readonly Family[] = ['auth', 'idempotency', 'errors', 'retry', 'transactions', 'scenarios', 'contract'];

export interface Selection {
  partner?: string;
  family?: Family;
  scenario?: string;
  env: EnvironmentName;
}

export interface FamilyPlan {
  family: Family;
  checks: Check[];
}

export interface PartnerPlan {
  partner: Partner;
  families: FamilyPlan[];
}

/** Plans a partner's checks (pure): families' generated checks plus scenarios, filtered by the selection. */
export function planPartner(partner: Partner, sel: Selection): PartnerPlan {
  const checks = [...FAMILIES.flatMap((f) => f.plan(partner)), ...scenarioChecks(partner)];
  const selected = checks.filter((c) => (!sel.family || c.family === sel.family) && (!sel.scenario || c.scenario === sel.scenario));
  const families = FAMILY_ORDER.map((family) => ({ family, checks: selected.filter((c) => c.family === family) })).filter((f) => f.checks.length > 0);
  return { partner, families };
}

/** Destructive checks selected against an environment marked production: the run must refuse. */
export function destructiveInProduction(plan: PartnerPlan, sel: Selection): Check[] {
  const env = plan.partner.profile.environments[sel.env];
  if (!env?.production) return [];
  return plan.families.flatMap((f) => f.checks.filter((c) => c.destructive));
}
