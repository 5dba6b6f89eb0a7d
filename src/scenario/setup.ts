import type { Partner } from '../partner/index.ts';
import { STEP_ACTIONS } from './model.ts';
import type { Scenario, Step } from './model.ts';

/**
 * The profile's `setup` steps as a scenario run once per partner before its checks (registering
 * `${webhooks.url}` with the partner, say), each step located in the profile. Undefined without setup.
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
    steps: steps.map((raw, i) => {
      const step = raw as Step;
      const pos = partner.profileDoc.locate(['setup', i]);
      return { ...step, action: STEP_ACTIONS.find((a) => step[a] !== undefined) ?? 'call', loc: { file: partner.profileFile, line: pos.line, col: pos.col } };
    }),
  };
}
