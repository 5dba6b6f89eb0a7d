import type { ExponentTable } from './currencies.ts';
import { formatMoney } from './money.ts';

/** A transaction railgate created in the run: what it asked for and the id it was answered. */
export interface Created {
  movement: string;
  id: string;
  reference?: string;
  amount?: unknown;
  currency?: unknown;
}

/** The partner's view of one transaction: from its list (by our reference) or read, and its last webhook. */
export interface PartnerView {
  id: string;
  reference?: string;
  amount?: unknown;
  currency?: unknown;
  state?: string;
  /**
   * The last state the webhooks announced — the furthest along the machine, not the last to arrive — and its
   * event id, when webhooks reach railgate; `late`: events that arrived after one that happened later, as
   * `evt_2 PROCESSING arrived after evt_3 COMPLETED` (recorded, not a regression).
   */
  webhook?: { state?: string; event: string; late?: string[] };
  /** False when the partner announces the read state by no webhook (an authorization's CAPTURED): nothing to compare. */
  stateAnnounced?: boolean;
}

export type ReconciliationStatus = 'ok' | 'missing' | 'duplicated' | 'amount-mismatch' | 'currency-mismatch' | 'state-mismatch';

export interface ReconciliationRow {
  movement: string;
  id: string;
  reference?: string;
  status: ReconciliationStatus;
  created?: string;
  partner?: string;
  readState?: string;
  webhookState?: string;
  event?: string;
  note?: string;
}

export interface Reconciliation {
  rows: ReconciliationRow[];
  /** Rows whose status is not ok. */
  problems: number;
}

/**
 * Reconciles what railgate created with what the partner reports (pure). A listed transaction with our
 * reference that railgate was never answered is a duplicate; one railgate was answered and the partner
 * does not have is missing; the rest compare money and the read state with the last webhook's.
 */
export function reconcileTransactions(created: readonly Created[], views: readonly PartnerView[], table: ExponentTable): Reconciliation {
  const rows: ReconciliationRow[] = [];
  const byId = new Map(views.map((v) => [v.id, v]));
  const ours = new Set(created.map((c) => c.id));
  for (const c of created) {
    const v = byId.get(c.id);
    const base = { movement: c.movement, id: c.id, ...(c.reference ? { reference: c.reference } : {}), ...(c.amount !== undefined ? { created: formatMoney(c, table) } : {}) };
    if (!v) {
      rows.push({ ...base, status: 'missing', note: 'railgate was answered this id; the partner does not list or read it' });
      continue;
    }
    const seen = { ...(v.amount !== undefined ? { partner: formatMoney(v, table) } : {}), ...(v.state ? { readState: v.state } : {}), ...(v.webhook?.state ? { webhookState: v.webhook.state } : {}), ...(v.webhook ? { event: v.webhook.event } : {}) };
    const status: ReconciliationStatus =
      c.currency !== undefined && v.currency !== c.currency
        ? 'currency-mismatch'
        : c.amount !== undefined && v.amount !== c.amount
          ? 'amount-mismatch'
          : v.webhook?.state !== undefined && v.state !== undefined && v.stateAnnounced !== false && v.webhook.state !== v.state
            ? 'state-mismatch'
            : 'ok';
    const note = [status === 'state-mismatch' ? `read says ${v.state}, the last webhook ${v.webhook?.event} says ${v.webhook?.state}` : unannouncedNote(v), lateNote(v)].filter((n) => n !== undefined).join('; ');
    rows.push({ ...base, ...seen, status, ...(note ? { note } : {}) });
  }
  const movementOf = new Map(created.filter((c) => c.reference).map((c) => [c.reference as string, c.movement]));
  for (const v of views) {
    if (ours.has(v.id) || v.reference === undefined || !movementOf.has(v.reference)) continue;
    rows.push({ movement: movementOf.get(v.reference) as string, id: v.id, reference: v.reference, status: 'duplicated', ...(v.state ? { readState: v.state } : {}), note: `listed under our reference ${v.reference}, but railgate was never answered this id` });
  }
  return { rows, problems: rows.filter((r) => r.status !== 'ok').length };
}

/**
 * Why a read state ahead of the last webhook is no mismatch: the partner sends no event for that state (its
 * profile's `events`), so the last one it sent is the newest it would. A reviewer reading `VOIDED | AUTHORIZED`
 * sees why it is fine, not a contradiction.
 */
function unannouncedNote(v: PartnerView): string | undefined {
  if (v.stateAnnounced !== false || v.webhook?.state === undefined || v.state === undefined || v.webhook.state === v.state) return undefined;
  return `read says ${v.state}; the partner sends no webhook for ${v.state}, so its last one (${v.webhook.state}) is not behind`;
}

/** The events that came late, shown on the row whatever its status: a reviewer sees the partner's order, and that it was no regression. */
function lateNote(v: PartnerView): string | undefined {
  const late = v.webhook?.late ?? [];
  return late.length === 0 ? undefined : `late: ${late.join(', ')} (recorded, not a regression)`;
}
