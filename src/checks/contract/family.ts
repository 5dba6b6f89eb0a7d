import { checkResponse } from '../../contract/index.ts';
import type { Operation } from '../../contract/index.ts';
import type { Exchange } from '../../http/index.ts';
import type { Partner } from '../../partner/index.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import type { Check, CheckFamily } from '../model.ts';
import { CONTRACT_RULES, lintContract } from './lint-contract.ts';
import { pciCheck } from './pci.ts';
import { receiverChecks } from '../receiver/index.ts';
import { probeCreates, probeParts } from './probe.ts';
import { patient } from '../patience.ts';
import { exchangePlace, groupedByFinding } from '../listed.ts';
import { isLimitation, limitationMessage } from '../../simulator/index.ts';

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
    return [...statics, ...ops.map((op) => conformanceCheck(op, op.mutating || probeCreates(partner, op))), ...receiverChecks(partner), pciCheck()];
  },
};

/** `destructive`: its probe creates (the operation mutates, or its path ids come from a resource the probe creates first). */
function conformanceCheck(op: Operation, destructive: boolean): Check {
  return {
    name: `${op.id} answers conform to the contract`,
    family: 'contract',
    severity: 'critical',
    tags: ['conformance'],
    destructive,
    async run(ctx) {
      const probe = await probeParts(ctx, op);
      if (probe.parts) await ctx.call(op.id, probe.parts, `probe ${op.id} with the contract's example`, patient(ctx));
      const seen = ctx.ledger.forOperation(op.id).filter((e) => e.response);
      if (seen.length === 0) throw new CheckSkipped(probe.skip ?? `no answer from ${op.id} was observed`);
      const problems: Array<{ exchange: Exchange; finding: string }> = [];
      const limits: string[] = [];
      for (const e of seen) {
        const r = e.response!;
        const issues = checkResponse(ctx.partner.validators, op, { status: r.status, headers: r.headers, body: r.body }).map((i) => i.message);
        // The embedded simulator is railgate's own stand-in: what it marks as beyond the contract it serves (an
        // error the operation documents no status for, a schema no body satisfies) is never the partner's doing.
        // Only there: a partner's sandbox could send the same header.
        if (ctx.env === 'simulator' && isLimitation(r.headers)) {
          if (issues.length > 0) limits.push(`${limitationMessage(r.body) ?? issues.join('; ')} (${exchangePlace(e)})`);
          continue;
        }
        for (const issue of issues) problems.push({ exchange: e, finding: issue });
      }
      if (problems.length > 0) {
        const answers = new Set(problems.map((p) => p.exchange)).size;
        const lines = groupedByFinding(problems).map((l) => `  - ${l}`);
        throw new CheckFailure(`${answers} of the answers seen for ${op.id} break the contract:\n${lines.join('\n')}`, { kind: 'contract-drift' });
      }
      if (limits.length > 0) {
        const [first, ...more] = limits;
        const judged = more.length === 0 ? 'its answer judges' : `${limits.length} answers judge`;
        throw new CheckFailure(`the simulator could not answer ${op.id} within the contract, so ${judged} nothing: ${first}${more.map((l) => `\n  - ${l}`).join('')}`, { kind: 'simulator-limitation' });
      }
    },
  };
}
