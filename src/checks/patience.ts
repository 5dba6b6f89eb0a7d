import type { ClientTimeouts, SendOptions } from '../http/index.ts';
import { environmentTimeouts } from '../profile/index.ts';
import type { CheckContext } from './model.ts';

/**
 * Timeouts for calls whose check judges what the partner answers, not how fast (auth, idempotency, errors,
 * transactions, contract probes, scenario steps). Against a sandbox, the environment's own, phase by phase,
 * as the profile sets them (`environments.<env>.timeouts` over `timeouts`): they once gave every phase the
 * whole deadline, and against a sandbox that never answered every call waited out its 30 s deadline while
 * the 10 s headers timeout never fired (issue 12). On a virtual clock waiting costs nothing, and the embedded
 * simulator holds some answers open longer than a phase on purpose (a defective key store's 10 s race
 * window): there every phase still gets the deadline. Latency itself is the retry family's to judge.
 */
export function patientTimeouts(ctx: CheckContext): ClientTimeouts {
  const t = environmentTimeouts(ctx.partner.profile, ctx.env);
  return ctx.clock.virtual ? { connectMs: t.deadlineMs, headersMs: t.deadlineMs, bodyMs: t.deadlineMs, deadlineMs: t.deadlineMs } : t;
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
