import type { Exchange } from '../../http/index.ts';
import { getPointer } from '../../json/index.ts';
import type { ReadinessEvidence } from '../../readiness/index.ts';
import { announces, currencyExponents, furthestEvent, reconcileTransactions, refundTotalFindings, resolveMovements } from '../../transactions/index.ts';
import type { Created, PartnerView, Reconciliation, ResolvedMovement } from '../../transactions/index.ts';
import { parentIdOf } from './refund-totals-check.ts';
import { reconcile } from '../retry/reconcile.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import type { CheckContext } from '../model.ts';
import { eventsFor } from './events.ts';
import { webhookGrace } from './webhooks-check.ts';

interface Made {
  m: ResolvedMovement;
  created: Created;
  exchange: Exchange;
  /** The parent a capture, refund or void named. */
  parentId?: string;
}

/**
 * After the partner's other checks: every transaction railgate was answered in this run (the ledger's
 * successful creates), found again through the partner's own list and read operations and its last
 * webhook. The table goes to the readiness report whatever the outcome.
 */
export async function checkReconciliation(ctx: CheckContext): Promise<ReadinessEvidence> {
  const made = createdInRun(ctx);
  if (made.length === 0) throw new CheckSkipped('railgate created no transaction in this run: nothing to reconcile');
  const views = new Map<string, PartnerView>();
  for (const { m, created, exchange } of made) {
    const found = await reconcile(ctx, m.spec, created.reference, exchange);
    for (const item of found.items) {
      const id = String(getPointer(item, m.idPointer));
      if (!views.has(id)) views.set(id, viewOf(m, id, item));
    }
    if (found.readBack && found.readBack.status < 300) views.set(created.id, viewOf(m, created.id, found.readBack.body));
  }
  let result = judge(ctx, made, views);
  // A transaction still moving has a webhook on its way: re-read the disagreeing ones until they agree or the grace passes.
  const until = ctx.clock.now() + webhookGrace(ctx);
  while (result.rows.some((r) => r.status === 'state-mismatch') && ctx.clock.now() < until) {
    await ctx.clock.sleep(1_000);
    for (const row of result.rows.filter((r) => r.status === 'state-mismatch')) {
      const one = made.find((x) => x.created.id === row.id);
      if (!one) continue;
      const found = await reconcile(ctx, one.m.spec, undefined, one.exchange);
      if (found.readBack && found.readBack.status < 300) views.set(row.id, viewOf(one.m, row.id, found.readBack.body));
    }
    result = judge(ctx, made, views);
  }
  await ctx.report.attach('reconciliation', JSON.stringify(result.rows, null, 2), 'application/json');
  const evidence: ReadinessEvidence = { reconciliation: result };
  const bad = result.rows.filter((r) => r.status !== 'ok');
  // Every refund of the run against what was captured of its parent, as the partner reads them now.
  const totals = refundTotalFindings(
    resolveMovements(ctx.partner.profile),
    made.map(({ m, created, parentId }) => {
      const seen = views.get(created.id);
      return { movement: m, id: created.id, ...(parentId ? { parentId } : {}), amount: seen?.amount ?? created.amount, currency: seen?.currency ?? created.currency, ...(seen?.state ? { state: seen.state } : {}) };
    }),
    currencyExponents(),
  );
  if (bad.length > 0 || totals.length > 0) {
    const lines = bad.slice(0, 10).map((r) => `${r.movement} ${r.id}: ${r.status}${r.note ? ` (${r.note})` : r.partner ? ` (partner ${r.partner}, created ${r.created})` : ''}`);
    const parts = [...(bad.length > 0 ? [`${bad.length} of ${result.rows.length} transactions do not reconcile: ${lines.join('; ')}${bad.length > 10 ? '; …' : ''}`] : []), ...totals.map((t) => `refunds exceed the captured amount: ${t}`)];
    throw new CheckFailure(parts.join('; '), { evidence });
  }
  return evidence;
}

/** The views, each with its last webhook (the furthest state its events announced, late ones noted), judged against what railgate created. */
function judge(ctx: CheckContext, made: readonly Made[], views: Map<string, PartnerView>): Reconciliation {
  const hooks = ctx.auth.webhooks && !ctx.auth.webhooks.unreachable ? ctx.auth.webhooks : undefined;
  const withHooks = [...views.values()].map((v) => {
    const m = made.find((x) => x.created.id === v.id)?.m;
    const events = hooks && m?.events ? eventsFor(ctx.partner, hooks.receiver, m, v.id) : [];
    const last = furthestEvent(m?.machine, events);
    const late = events.flatMap((e) => (e.lateAfter ? [`${e.eventId} ${e.state} arrived after ${e.lateAfter.eventId} ${e.lateAfter.state}`] : []));
    const stateAnnounced = m === undefined || v.state === undefined || announces(m, v.state);
    return last ? { ...v, webhook: { state: last.state, event: last.eventId, ...(late.length > 0 ? { late } : {}) }, ...(stateAnnounced ? {} : { stateAnnounced }) } : v;
  });
  return reconcileTransactions(
    made.map((x) => x.created),
    withHooks,
    currencyExponents(),
  );
}

function viewOf(m: ResolvedMovement, id: string, body: unknown): PartnerView {
  const state = getPointer(body, m.statePointer);
  return {
    id,
    ...(m.spec.reference ? { reference: getPointer(body, m.spec.reference) as string } : {}),
    ...(m.amountPointer ? { amount: getPointer(body, m.amountPointer) } : {}),
    ...(m.currencyPointer ? { currency: getPointer(body, m.currencyPointer) } : {}),
    ...(typeof state === 'string' ? { state } : {}),
  };
}

/** The run's successful creates, one per id (a replay answers the same id), from the exchange ledger. */
function createdInRun(ctx: CheckContext): Made[] {
  const out = new Map<string, Made>();
  for (const m of resolveMovements(ctx.partner.profile)) {
    for (const e of ctx.ledger.forOperation(m.spec.create)) {
      if (!e.response || e.response.status < 200 || e.response.status >= 300) continue;
      const id = getPointer(e.response.body, m.idPointer);
      if ((typeof id !== 'string' && typeof id !== 'number') || out.has(String(id))) continue;
      let sent: unknown;
      try {
        sent = e.request.body ? JSON.parse(e.request.body) : undefined;
      } catch {
        sent = undefined;
      }
      const reference = m.spec.reference ? getPointer(sent, m.spec.reference) : undefined;
      const parentId = parentIdOf(m, sent);
      out.set(String(id), {
        m,
        exchange: e,
        ...(parentId ? { parentId } : {}),
        created: {
          movement: m.key,
          id: String(id),
          ...(typeof reference === 'string' ? { reference } : {}),
          ...(m.amountPointer ? { amount: getPointer(sent, m.amountPointer) } : {}),
          ...(m.currencyPointer ? { currency: getPointer(sent, m.currencyPointer) } : {}),
        },
      });
    }
  }
  return [...out.values()];
}
