import type { Operation } from '../../contract/index.ts';
import { buildRequest } from '../../http/index.ts';
import type { Partner } from '../../partner/index.ts';
import { probeParts } from '../contract/probe.ts';
import { isLimitation, limitationMessage } from '../../simulator/index.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import type { Check } from '../model.ts';
import { expectedRejection } from './expected.ts';
import type { Forgery } from './forgeries/index.ts';
import { judgeAcceptance, judgeRejection } from './judge.ts';
import type { SchemeFacts } from './scheme.ts';

/** One forgery against one secured operation: "createPayout rejects a body changed after signing". */
export function forgeryCheck(partner: Partner, op: Operation, facts: SchemeFacts, forgery: Forgery): Check {
  const expect = forgery.expect(facts);
  return {
    name: `${op.id} ${expect === 'accepted' ? 'accepts' : 'rejects'} ${forgery.title}`,
    family: 'auth',
    severity: 'blocker',
    tags: ['auth', forgery.id],
    destructive: op.mutating,
    // Its own forged or signed requests and their answers: nothing another check makes or needs.
    independent: true,
    async run(ctx) {
      // A read needs something to read, so the contract's probe creates it first (signed as usual).
      const probe = await probeParts(ctx, op);
      if (!probe.parts) throw new CheckSkipped(probe.skip ?? `no request can be built for ${op.id}`);
      const request = buildRequest(ctx.baseUrl, op, probe.parts);
      const attempts = await forgery.run({ ctx, op, request, facts });
      const redact = (text: string) => ctx.auth.redact(text);
      for (const attempt of attempts) {
        // The embedded simulator could not say 401 within the contract (an operation documenting no error answer):
        // its marked 501 is railgate's limit, never the partner's answer to the forgery.
        const res = attempt.exchange.response;
        if (ctx.env === 'simulator' && res && isLimitation(res.headers)) {
          throw new CheckFailure(`the simulator could not answer ${op.id} within the contract: ${limitationMessage(res.body) ?? res.status}`, { kind: 'simulator-limitation' });
        }
        if (expect === 'accepted') judgeAcceptance(op, forgery.title, attempt, expectedRejection(partner.profile, facts, 'invalid-signature'), redact);
        else judgeRejection(op, forgery.title, attempt, expectedRejection(partner.profile, facts, expect), redact);
      }
    },
  };
}
