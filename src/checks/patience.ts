import type { ClientTimeouts, SendOptions } from '../http/index.ts';
import { parseDuration } from '../profile/index.ts';
import type { CheckContext } from './model.ts';

/** Real ms every functional call may take at least against a sandbox, where a loaded runner is slow in real time. */
const REAL_FLOOR_MS = 5_000;

/**
 * Timeouts for calls whose check judges what the partner answers, not how fast (auth, idempotency,
 * errors, transactions, contract probes, scenario steps): every phase gets the profile's whole deadline, and
 * against a sandbox at least REAL_FLOOR_MS of real time: a request that times out is itself an ambiguous
 * outcome. Latency and timeouts are the retry family's to judge, on the profile's own timeouts; so are
 * scenario steps that expect no answer.
 */
export function patientTimeouts(ctx: CheckContext): ClientTimeouts {
  const t = ctx.partner.profile.timeouts;
  const ms = Math.max(parseDuration(t?.deadline ?? '30s'), ctx.clock.toScaled(REAL_FLOOR_MS));
  return { connectMs: ms, headersMs: ms, bodyMs: ms, deadlineMs: ms };
}

/**
 * A wait for something that arrives over the network (a webhook): the profile's duration on a virtual clock,
 * where waiting costs nothing and a slow machine cannot make it run out; at least `realFloorMs` of real time
 * on a wall clock, where a loaded runner's loopback POST must not read as a missing event.
 */
export function waitAtLeast(ctx: CheckContext, profileMs: number, realFloorMs: number): number {
  return ctx.clock.virtual ? profileMs : Math.max(profileMs, ctx.clock.toScaled(realFloorMs));
}

export function patient(ctx: CheckContext): SendOptions {
  return { timeouts: patientTimeouts(ctx) };
}
