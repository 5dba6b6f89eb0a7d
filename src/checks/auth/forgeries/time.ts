import type { Forgery } from './model.ts';
import { signAndSend } from './model.ts';

/** Beyond the tolerance by a clear margin, so clock drift between us and the partner cannot excuse it. */
const MARGIN_SECONDS = 60;

const noTime = (f: { signature?: string; timestamp: boolean }): string | undefined => (!f.signature ? 'the scheme has no signature' : !f.timestamp ? 'the signature carries no timestamp' : undefined);

/** Signed `tolerance + margin` seconds away from now, in the past (stale) or the future. */
function outsideTolerance(direction: 'stale' | 'future'): Forgery {
  const sign = direction === 'stale' ? -1 : 1;
  const when = direction === 'stale' ? 'in the past' : 'in the future';
  return {
    id: `${direction}-timestamp`,
    title: direction === 'stale' ? 'a timestamp older than the tolerance' : 'a timestamp further in the future than the tolerance',
    skip: noTime,
    expect: () => `${direction}-timestamp`,
    run: async (input) => {
      const offset = input.facts.tolerance + MARGIN_SECONDS;
      return [await signAndSend(input, `${direction} timestamp`, { at: input.ctx.auth.now() + sign * offset }, () => `signed ${offset}s ${when} (tolerance ${input.facts.tolerance}s)`)];
    },
  };
}

export const staleTimestamp = outsideTolerance('stale');
export const futureTimestamp = outsideTolerance('future');

/** Clocks differ: half the tolerance either way must still get through. */
export const skewWithinTolerance: Forgery = {
  id: 'skew-within-tolerance',
  title: 'a request whose clock is off by half the tolerance',
  skip: noTime,
  expect: () => 'accepted',
  run: async (input) => {
    const skew = Math.floor(input.facts.tolerance / 2);
    const now = input.ctx.auth.now();
    return [
      await signAndSend(input, 'clock behind', { at: now - skew }, () => `signed ${skew}s in the past (tolerance ${input.facts.tolerance}s)`),
      await signAndSend(input, 'clock ahead', { at: now + skew }, () => `signed ${skew}s in the future (tolerance ${input.facts.tolerance}s)`),
    ];
  },
};
