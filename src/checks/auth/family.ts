import type { Partner } from '../../partner/index.ts';
import { isSecured } from '../../signer/index.ts';
import { CheckSkipped } from '../model.ts';
import type { Check, CheckFamily } from '../model.ts';
import { FORGERIES } from './forgeries/index.ts';
import { forgeryCheck } from './operation-checks.ts';
import { schemeFor } from './scheme.ts';
import { webhookChecks } from './webhook-checks.ts';
import { echoedCredentialsCheck } from './echoed-credentials.ts';

/** A skipped check that says which forgeries were not generated and why: never silently absent. */
function notGenerated(reasons: string[]): Check {
  return {
    name: 'forgeries that do not apply to this scheme',
    family: 'auth',
    severity: 'minor',
    tags: ['auth', 'not-applicable'],
    destructive: false,
    independent: true,
    async run() {
      throw new CheckSkipped(`not generated: ${reasons.join('; ')}`);
    },
  };
}

/**
 * Family `auth`: for every secured operation, each forgery that makes sense for the profile's scheme must
 * be refused with the documented status and code, and a correctly signed request must get through; the
 * partner's webhooks must verify, and railgate's receiver must refuse forged ones.
 */
export const authFamily: CheckFamily = {
  family: 'auth',
  severity: 'blocker',
  plan(partner: Partner): Check[] {
    const ops = [...partner.contract.operations.values()];
    if (!partner.profile.auth) {
      const secured = ops.filter(isSecured).map((op) => op.id);
      if (secured.length === 0) return webhookChecks(partner);
      return [notGenerated([`the profile has no auth section, so nothing signs ${secured.join(', ')}`]), ...webhookChecks(partner)];
    }
    const checks: Check[] = [];
    const secured: string[] = [];
    // reason → forgery title → operations: a reviewer reads one line per reason, not one per operation.
    const skipped = new Map<string, Map<string, string[]>>();
    for (const op of ops) {
      const facts = schemeFor(partner.profile, op);
      if (!facts) continue;
      secured.push(op.id);
      for (const forgery of FORGERIES) {
        const skip = forgery.skip(facts, op);
        // The token endpoint takes client credentials only: say that, not "no signature" nine times.
        const why = skip !== undefined && facts.tokenEndpoint ? 'the token endpoint authenticates the client only; it is not signed' : skip;
        if (why === undefined) {
          checks.push(forgeryCheck(partner, op, facts, forgery));
          continue;
        }
        const byForgery = skipped.get(why) ?? new Map<string, string[]>();
        byForgery.set(forgery.title, [...(byForgery.get(forgery.title) ?? []), op.id]);
        skipped.set(why, byForgery);
      }
    }
    const reasons = [...skipped].map(([why, byForgery]) => {
      const titles = [...byForgery.keys()];
      const opIds = [...new Set([...byForgery.values()].flat())];
      const where = opIds.length === secured.length && secured.length > 1 ? 'every secured operation' : opIds.join(', ');
      return `${why} (${where}): ${titles.join(', ')}`;
    });
    return [...checks, ...(reasons.length > 0 ? [notGenerated(reasons)] : []), ...webhookChecks(partner), echoedCredentialsCheck()];
  },
};
