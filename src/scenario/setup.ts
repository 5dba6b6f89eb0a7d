import type { Partner } from '../partner/index.ts';
import { checkSteps } from './check-steps.ts';
import type { Scenario } from './model.ts';

/**
 * The profile's `setup` steps as a scenario run once per partner before its checks (registering
 * `${webhooks.url}` with the partner, say), each step located in the profile. Undefined without setup.
 * The steps were validated when the partner loaded (schema: the scenario's step; partner/cross-check-setup.ts).
 */
export function setupScenario(partner: Partner): Scenario | undefined {
  const steps = partner.profile.setup;
  if (!steps || steps.length === 0) return undefined;
  return {
    name: `${partner.id}-setup`,
    title: `setup of ${partner.id}`,
    rail: partner.profile.rails[0] ?? '',
    family: 'scenarios',
    tags: ['setup'],
    severity: 'blocker',
    file: partner.profileFile,
    steps: checkSteps(partner.profileDoc, ['setup'], steps, { operationIds: new Set(partner.contract.operations.keys()) }).steps,
  };
}
