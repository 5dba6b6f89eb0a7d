import type { CheckContext } from '../checks/model.ts';
import type { ClientTimeouts, RequestParts } from '../http/index.ts';
import type { Rng } from '../random/index.ts';
import { loadCodeRules } from './code-rules.ts';
import { runRetries } from './loop.ts';
import type { RetriedCall } from './loop.ts';
import { resolvePolicy } from './policy.ts';
import type { RetryPolicy } from './policy.ts';

export interface RetryCallOptions {
  /** Step name of the whole call in the report. */
  label?: string;
  /** Replaces parts of the operation's policy, for a check that must isolate one limit (the deadline). */
  policy?: Partial<RetryPolicy>;
}

/** One jitter stream per check's own stream (src/checks/scope.ts): a check's waits do not depend on what ran beside it. */
const jitterStreams = new WeakMap<Rng, Rng>();

/**
 * Calls an operation under its retry policy: every attempt goes through ctx.call (built, signed, recorded
 * and reported as its own step, named with its number and idempotency key), every wait through ctx.clock.
 * The parts are the same each time, so the idempotency key is too.
 */
export async function callWithRetry(ctx: CheckContext, base: ClientTimeouts, operationId: string, parts: RequestParts, opts: RetryCallOptions = {}): Promise<RetriedCall> {
  const policy: RetryPolicy = { ...resolvePolicy(ctx.partner.profile, operationId, base), ...opts.policy };
  const codes = await loadCodeRules(ctx.partner.profile);
  let rng = jitterStreams.get(ctx.rng);
  if (!rng) jitterStreams.set(ctx.rng, (rng = ctx.rng.fork('retry-jitter')));
  const header = ctx.partner.profile.idempotency?.header;
  const key = header ? Object.entries(parts.headers ?? {}).find(([k]) => k.toLowerCase() === header.toLowerCase())?.[1] : undefined;
  const keyLabel = header && key ? ` · ${header} ${key}` : '';
  return ctx.report.step(opts.label ?? `${operationId} under its retry policy (at most ${policy.attempts} attempts)`, async () => {
    const result = await runRetries((n, timeouts) => ctx.call(operationId, parts, `attempt ${n} of ${policy.attempts}: ${operationId}${keyLabel}`, { timeouts }), policy, {
      clock: ctx.clock,
      rng,
      codes,
      wait: (ms, summary) => ctx.report.step(`wait ${ms} ms${ctx.clock.virtual ? ' (virtual time)' : ''} — ${summary}`, () => ctx.clock.sleep(ms)),
    });
    await ctx.report.attach('retry outcome', result.summary, 'text/plain');
    return result;
  });
}
