import { CheckFailure } from '../../model.ts';
import { patient } from '../../patience.ts';
import type { Forgery } from './model.ts';

/** The exact bytes of an accepted request, sent again: a strict partner remembers the nonce. */
export const replayedNonce: Forgery = {
  id: 'replayed-nonce',
  title: 'a replayed request (same nonce)',
  skip: (f) => (!f.signature ? 'the scheme has no signature' : !f.nonce ? 'the profile declares no nonce' : undefined),
  expect: () => 'replayed-nonce',
  async run({ ctx, op, request }) {
    const signed = await ctx.auth.sign(request, op);
    const original = await ctx.send(signed.request, `original → ${op.id}`, patient(ctx));
    const status = original.response?.status;
    if (status === undefined || status === 401 || status === 403) {
      throw new CheckFailure(`${op.id}: the replay cannot be judged: the original, correctly signed request was refused (${status ?? original.error?.code ?? 'no answer'})`);
    }
    const replay = await ctx.send(signed.request, `replay → ${op.id}`, patient(ctx));
    return [{ exchange: replay, ...(signed.trace ? { trace: signed.trace } : {}), note: `the request that was accepted (${status}) as exchange #${original.seq} was sent again, byte for byte` }];
  },
};
