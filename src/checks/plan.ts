import type { Partner } from '../partner/index.ts';
import type { EnvironmentName, Family } from '../profile/index.ts';
import { productionReason } from '../profile/index.ts';
import { authFamily } from './auth/index.ts';
import { conformanceFamily } from './conformance/index.ts';
import { contractFamily } from './contract/family.ts';
import { errorsFamily } from './errors/index.ts';
import { idempotencyFamily } from './idempotency/index.ts';
import type { Check, CheckFamily } from './model.ts';
import { retryFamily } from './retry/index.ts';
import { scenarioChecks } from './scenarios/scenario-checks.ts';
import { transactionsFamily } from './transactions/index.ts';
import { checkSelected } from './select.ts';
import type { Narrowing } from './select.ts';

/**
 * The check families, in the order they run. `contract` runs last: it judges every answer the others saw.
 * `errors` runs just before it: its last checks judge every error code the other families provoked.
 * `conformance` runs before the scenarios: its creates are found again by the transactions family's reconciliation too.
 * `transactions` follows the scenarios: its reconciliation (runsLast) finds again every transaction made so far.
 * Adding a family = one folder + one line here.
 */
export const FAMILIES: readonly CheckFamily[] = [authFamily, idempotencyFamily, retryFamily, conformanceFamily, transactionsFamily, errorsFamily, contractFamily];

export const FAMILY_ORDER: readonly Family[] = ['auth', 'idempotency', 'retry', 'conformance', 'scenarios', 'transactions', 'errors', 'contract'];

export interface Selection extends Narrowing {
  family?: Family;
  /** `--max-cases`: the conformance family's cases per operation. */
  maxCases?: number;
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
  const checks = [...FAMILIES.flatMap((f) => f.plan(partner, sel.maxCases === undefined ? {} : { maxCases: sel.maxCases })), ...scenarioChecks(partner)];
  const selected = checks.filter((c) => (!sel.family || c.family === sel.family) && (!sel.scenario || c.scenario === sel.scenario) && checkSelected(partner.id, c, sel));
  const families = FAMILY_ORDER.map((family) => ({ family, checks: runsLastAtEnd(selected.filter((c) => c.family === family)) })).filter((f) => f.checks.length > 0);
  return { partner, families };
}

/**
 * Destructive checks selected against a production environment (marked, named, or sharing production's host),
 * with why it is production: the run must refuse them unless the user allows it, and confirms.
 */
export function destructiveInProduction(plan: PartnerPlan, sel: Selection): { reason: string; checks: Check[] } | undefined {
  const reason = productionReason(plan.partner.profile, sel.env);
  if (!reason) return undefined;
  const checks = plan.families.flatMap((f) => f.checks.filter((c) => c.destructive));
  return checks.length > 0 ? { reason, checks } : undefined;
}

/** A family's checks in plan order, those that judge the others' exchanges (runsLast) moved to the end. */
function runsLastAtEnd(checks: Check[]): Check[] {
  return [...checks.filter((c) => !c.runsLast), ...checks.filter((c) => c.runsLast)];
}
