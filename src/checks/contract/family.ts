import { checkResponse } from '../../contract/index.ts';
import type { Operation } from '../../contract/index.ts';
import type { Partner } from '../../partner/index.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import type { Check, CheckFamily } from '../model.ts';
import { CONTRACT_RULES, lintContract } from './lint-contract.ts';
import { pciCheck } from './pci.ts';
import { receiverChecks } from '../receiver/index.ts';
import { probeParts } from './probe.ts';
import { patient } from '../patience.ts';
import { exchangePlace } from '../listed.ts';

/**
 * Family `contract`: the contract is fit for launch (static rules), and every response seen for each
 * operation — by this family's probes and by every family that ran before it — conforms to the contract.
 */
export const contractFamily: CheckFamily = {
  family: 'contract',
  severity: 'critical',
  plan(partner: Partner): Check[] {
    const statics: Check[] = CONTRACT_RULES.map(({ rule, title }) => ({
      name: title,
      family: 'contract',
      severity: 'critical',
      tags: ['static'],
      destructive: false,
      async run() {
        const findings = lintContract(partner.contract, partner.validators, partner.profile).filter((f) => f.rule === rule);
        if (findings.length > 0) throw new CheckFailure(`${findings.length} finding${findings.length > 1 ? 's' : ''}:\n${findings.map((f) => `  - ${f.message}`).join('\n')}`, { kind: 'contract-drift' });
      },
    }));
    const ops = [...partner.contract.operations.values()].sort((a, b) => Number(b.method === 'post') - Number(a.method === 'post'));
    return [...statics, ...ops.map((op) => conformanceCheck(op)), ...receiverChecks(partner), pciCheck()];
  },
};

function conformanceCheck(op: Operation): Check {
  return {
    name: `${op.id} answers conform to the contract`,
    family: 'contract',
    severity: 'critical',
    tags: ['conformance'],
    destructive: op.mutating,
    async run(ctx) {
      const probe = await probeParts(ctx, op);
      if (probe.parts) await ctx.call(op.id, probe.parts, `probe ${op.id} with the contract's example`, patient(ctx));
      const seen = ctx.ledger.forOperation(op.id).filter((e) => e.response);
      if (seen.length === 0) throw new CheckSkipped(probe.skip ?? `no answer from ${op.id} was observed`);
      const problems: string[] = [];
      for (const e of seen) {
        const r = e.response!;
        for (const issue of checkResponse(ctx.partner.validators, op, { status: r.status, headers: r.headers, body: r.body })) {
          problems.push(`  - ${exchangePlace(e)}: ${issue.message}`);
        }
      }
      if (problems.length > 0) {
        throw new CheckFailure(`${problems.length} of the answers seen for ${op.id} break the contract:\n${problems.join('\n')}`, { kind: 'contract-drift' });
      }
    },
  };
}
