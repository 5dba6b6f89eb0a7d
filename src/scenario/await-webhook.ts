import { CheckFailure, CheckSkipped } from '../checks/model.ts';
import type { CheckContext } from '../checks/model.ts';
import { unregisteredReceiver } from '../checks/webhook-registration.ts';
import { waitAtLeast } from '../checks/patience.ts';
import type { Exchange } from '../http/index.ts';
import { findMismatch, getPointer, parseJson } from '../json/index.ts';
import { parseDuration } from '../profile/index.ts';
import type { ReceivedDelivery } from '../webhooks/index.ts';
import type { SourceLocation } from './model.ts';

/** `${webhooks.url}`: where the partner delivers (the public URL against a sandbox), when a receiver runs. */
export function webhookValues(ctx: CheckContext): Map<string, unknown> {
  const hooks = ctx.auth.webhooks;
  return new Map(hooks ? [['webhooks', { url: hooks.url }]] : []);
}

/** Real ms an await is given at least: a loaded runner's loopback POST must not read as a missing event. */
const REAL_FLOOR_MS = 3_000;

/**
 * Waits for a verified delivery of `type` whose payload holds `match` (earlier deliveries count), and
 * gives it as an exchange: status = what the receiver answered, body = the payload, so expect and capture
 * read it like an answer. Without a reachable receiver the scenario is skipped, never passed.
 */
export async function awaitWebhook(ctx: CheckContext, type: string, match: Record<string, unknown>, step: { within?: string | number; loc: SourceLocation }, what: string): Promise<Exchange> {
  const hooks = ctx.auth.webhooks;
  if (!hooks) throw new CheckSkipped(`${what}: ${ctx.partner.id} declares no webhooks: no receiver runs`);
  if (hooks.unreachable) throw new CheckSkipped(`${what}: ${hooks.unreachable}`);
  const unregistered = unregisteredReceiver(ctx);
  if (unregistered) throw new CheckFailure(`${what}: ${unregistered}`, { kind: 'configuration', loc: step.loc });
  const within = parseDuration(step.within ?? '1m');
  const until = ctx.clock.now() + waitAtLeast(ctx, within, REAL_FLOOR_MS);
  const matches = (d: ReceivedDelivery): unknown => {
    if (d.refusal || d.duplicate || d.eventType !== type) return undefined;
    const payload = parseJson(d.body);
    const ok = Object.entries(match).every(([p, want]) => (Array.isArray(want) ? want : [want]).some((w) => findMismatch(getPointer(payload, p), w) === undefined));
    return ok ? payload : undefined;
  };
  let seq = 0;
  for (;;) {
    const found = hooks.receiver.deliveries().find((d) => matches(d) !== undefined);
    if (found) return asExchange(found, matches(found));
    const left = until - ctx.clock.now();
    const next = left > 0 ? await hooks.receiver.next(seq, left) : undefined;
    if (!next) break;
    seq = next.seq;
  }
  const seen = hooks.receiver.events().filter((d) => d.eventType === type).length;
  throw new CheckFailure(`${what}: no verified ${type} event matching ${JSON.stringify(match)} within ${String(step.within ?? '1m')} (${seen} other ${type} event${seen === 1 ? '' : 's'} arrived)`, { loc: step.loc });
}

function asExchange(d: ReceivedDelivery, payload: unknown): Exchange {
  return {
    seq: d.seq,
    request: { method: d.method, url: d.url, headers: d.headers, body: d.body },
    response: { status: d.status, headers: d.headers, bodyText: d.body, body: payload },
    startedAt: d.receivedAt,
    durationMs: 0,
  };
}
