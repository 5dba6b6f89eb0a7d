import { isReceiverContract } from '../../contract/index.ts';
import type { Partner } from '../../partner/index.ts';
import { CheckSkipped } from '../model.ts';
import type { Check, CheckFamily } from '../model.ts';
import { runChecks } from './run-checks.ts';
import { staticChecks } from './static-checks.ts';
import { triggerChecks } from './trigger-checks.ts';

/**
 * Family `errors` (issue 6): the profile's error map is complete and canonical (static), every trigger
 * provokes its code as documented (dynamic), and every error answer of the whole run is mapped, with the
 * share of mapped codes exercised reported as coverage (run).
 */
export const errorsFamily: CheckFamily = {
  family: 'errors',
  severity: 'critical',
  plan(partner: Partner): Check[] {
    const spec = partner.profile.errors;
    // A receiver's contract documents no call: there is no answer a partner error code could come in.
    if (isReceiverContract(partner.contract)) return [];
    if (spec === undefined) return [noErrorsSection(partner)];
    return [...staticChecks(partner), ...triggerChecks(partner, spec), ...runChecks(spec)];
  },
};

// Without a map no code can be judged: reported as skipped, never as passed.
function noErrorsSection(partner: Partner): Check {
  return {
    name: 'the profile maps partner error codes',
    family: 'errors',
    severity: 'critical',
    tags: ['static'],
    destructive: false,
    run() {
      return Promise.reject(new CheckSkipped(`${partner.profileFile} has no errors section: no partner code can be mapped`));
    },
  };
}
