import type { SendOptions } from '../../http/index.ts';
import type { CheckContext } from '../model.ts';

/**
 * The auth family judges what the partner answers, not how fast: every exchange gets 10 s of real time,
 * so a loaded CI machine cannot turn a slow first answer (at time scale 0.01 a 10 s profile timeout is
 * 100 ms) into a finding. Timeouts are the retry family's to judge.
 */
export function patient(ctx: CheckContext): SendOptions {
  const ms = ctx.clock.toScaled(10_000);
  return { timeouts: { connectMs: ms, headersMs: ms, bodyMs: ms, deadlineMs: ms } };
}
