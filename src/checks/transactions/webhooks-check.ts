import { announces, eventTypeFor, furthestEvent, isTerminal, judgeStates } from '../../transactions/index.ts';
import type { ResolvedMovement } from '../../transactions/index.ts';
import type { WebhookRuntime } from '../auth-runtime.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import { unregisteredReceiver } from '../webhook-registration.ts';
import type { CheckContext } from '../model.ts';
import { createTransaction, driveByChild } from './create.ts';
import { awaitEvents, describeEvents, eventTimeOf, lateNote } from './events.ts';
import type { TxEvent } from './events.ts';
import { REAL_BUDGET_MS, followTransaction, watched } from './follow.ts';
import { DELIVERY_TIMEOUT_MS, redeliveryPlan } from '../../webhooks/index.ts';
import { moneyDiffers } from './money-of.ts';
import { waitAtLeast } from '../patience.ts';

/**
 * Profile ms railgate waits for webhooks: a minute (a loopback POST, or a sandbox's queue), or as long as the
 * partner's own schedule says an event may take — its redelivery backoff to the last attempt, and for a
 * movement whose events come with its state changes, the movement's deadline. A fixed wait would fail a partner
 * that redelivers after five minutes, as its profile says it does. Against a sandbox the deadline part is
 * capped at what railgate watches of a transaction in real time.
 */
export function webhookGrace(ctx: CheckContext, m?: ResolvedMovement): number {
  const plan = redeliveryPlan(ctx.partner.profile.webhooks);
  const redelivered = plan.lastAttemptAfterMs + plan.attempts * DELIVERY_TIMEOUT_MS;
  const changes = m ? (ctx.clock.virtual ? m.deadlineMs : Math.min(m.deadlineMs, ctx.clock.toScaled(REAL_BUDGET_MS))) : 0;
  return waitAtLeast(ctx, Math.max(60_000, redelivered, changes), 3_000);
}

/** The receiver, or why webhook checks are skipped here — never passed. */
export function reachableHooks(ctx: CheckContext, m: ResolvedMovement): WebhookRuntime {
  const hooks = ctx.auth.webhooks;
  if (!hooks) throw new CheckSkipped(`${ctx.partner.id} declares no webhooks section: no receiver runs`);
  if (hooks.unreachable) throw new CheckSkipped(hooks.unreachable);
  if (!m.events) throw new CheckSkipped(`transactions.${m.key}.events is not declared: railgate does not know which events announce a ${m.key}`);
  const unregistered = unregisteredReceiver(ctx);
  if (unregistered) throw new CheckFailure(unregistered, { kind: 'configuration' });
  return hooks;
}

/**
 * Create → terminal → the partner's webhooks: one signed event per state change (the initial one
 * included), each an allowed transition, every state the reads saw announced, the money as created,
 * and each payload valid against the contract's webhook schema. Events are judged in the order they
 * happened, not as they arrived: a late one is shown as such, never read as the transaction going back.
 */
export async function checkWebhooks(ctx: CheckContext, m: ResolvedMovement): Promise<void> {
  const hooks = reachableHooks(ctx, m);
  const tx = await createTransaction(ctx, m);
  await driveByChild(ctx, tx);
  const followed = await followTransaction(ctx, tx);
  const readStates = followed.reads.map((r) => r.state);
  // The last state the reads saw that the partner announces at all (an authorization's CAPTURED is the capture's event).
  const awaited = readStates.filter((state) => announces(m, state)).at(-1);
  const events = await awaitEvents(ctx, hooks.receiver, m, tx.id, { state: awaited, readStates }, webhookGrace(ctx));
  await ctx.report.step(`events in the order they happened: ${orderedBy(ctx)}`, async () => undefined);
  for (const e of events) {
    const late = lateNote(e);
    await ctx.report.step(`webhook ${e.eventId}: ${tx.id} → ${e.state}${late ? ` (${late})` : ''}`, () => ctx.report.attach(`${e.eventId}`, e.delivery.body, 'application/json'));
  }
  const problems = judgeEvents(m, events, readStates, (e) => moneyDiffers(tx, e.payload, m.events!));
  if (followed.terminalAfterMs === undefined) problems.push(`not terminal within ${watched(ctx, m)} (last read: ${followed.final ?? 'none'})`);
  if (problems.length > 0) throw new CheckFailure(`${m.key} ${tx.id}: ${problems.join('; ')} (events: ${describeEvents(events)})`);
}

/** How the events are ordered, for the report: the partner's time at a pointer (and who said where), then the machine, then arrival. */
function orderedBy(ctx: CheckContext): string {
  const time = eventTimeOf(ctx.partner);
  if (time.pointer === undefined) return "along the state machine, then by arrival (neither webhooks.eventTime nor the contract's payload schema dates an event)";
  return `by their time at ${time.pointer} (${time.source === 'profile' ? 'webhooks.eventTime' : "from the contract's payload schema"}), then along the state machine, then by arrival`;
}

/**
 * What is wrong with a transaction's events (pure but for the money judge given), `events` in the order they
 * happened. Without `events.on` every state change is announced, one allowed transition each; with it, only
 * the states it names, each by its type. A late event sits where it happened: it is no regression.
 */
export function judgeEvents(m: ResolvedMovement, events: readonly TxEvent[], readStates: readonly string[], money: (e: TxEvent) => string | undefined): string[] {
  const machine = m.machine!;
  const problems = judgeStates(machine, events, { every: m.events?.on === undefined }).map((f) => f.message);
  const announced = new Set(events.map((e) => e.state));
  for (const s of new Set(readStates)) if (announces(m, s) && !announced.has(s)) problems.push(`no webhook announced ${s}, which the reads saw`);
  const furthest = furthestEvent(machine, events);
  if (furthest && !isTerminal(machine, furthest.state) && readStates.some((s) => isTerminal(machine, s) && announces(m, s))) problems.push(`the furthest event ${furthest.eventId} shows ${furthest.state}: no webhook announced the terminal state`);
  for (const e of events) {
    const want = eventTypeFor(m, e.state);
    if (e.type !== undefined && want !== e.type) {
      problems.push(want === undefined ? `${e.source} announces ${e.state}, which the partner does not announce (events.on names ${Object.keys(m.events?.on ?? {}).join(', ')})` : `${e.source} announces ${e.state} as ${e.type}: ${e.state} is announced by ${want}`);
    }
    const wrong = money(e);
    if (wrong) problems.push(`${e.source} announcing ${e.state} states ${wrong}`);
    if (e.delivery.payloadIssues) problems.push(`${e.source} breaks the contract's webhook schema: ${e.delivery.payloadIssues.join('; ')}`);
  }
  return problems;
}

