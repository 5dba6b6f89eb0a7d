import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonOf, runFamilyInProcess } from './helpers/family-run.ts';
import { copyWorkspace } from './helpers/workspace.ts';

// Issue 17, item 4: partners promise no delivery order. With the simulator's quirks planted — each transaction's
// initial-state event delivered after the next one, each intermediate state's event lost once and redelivered
// after the next one — a correct partner is still GO, and the late events are shown. In process, judged as
// `railgate run --family transactions --defect …` judges it (test/in-process-verdicts.test.ts).
let ws: Awaited<ReturnType<typeof copyWorkspace>>;
beforeAll(async () => {
  ws = await copyWorkspace();
  // A PixPay whose events are dated at `created_at`, as its contract now says (and the simulator follows):
  // railgate finds the field in the payload schema, with no profile key. Ordered by arrival instead, its
  // late PENDING and PROCESSING would read as the payout going back (NO-GO in webhooks and reconciliation).
  await ws.edit('contracts/pixpay/pixpay.openapi.yaml', /required: \[id, type, createdAt, data\]/g, 'required: [id, type, created_at, data]');
  await ws.edit('contracts/pixpay/pixpay.openapi.yaml', /(\n {16})createdAt: \{ type: string, format: date-time \}/g, '$1created_at: { type: string, format: date-time }');
});
afterAll(() => ws.dispose());

const QUIRKS = ['out-of-order-delivery', 'late-redelivery'];
const WEBHOOKS = 'payout webhooks: every state change is announced by a valid event, with the money as created';
const LATE = /^late: (evt_\w+ (PENDING|PROCESSING|ACTC) arrived after evt_\w+ (COMPLETED|ACSC)(, )?)+ \(recorded, not a regression\)$/;
const TIMEOUT = 120_000;

describe('railgate run --family transactions, events delivered out of order and redelivered late', () => {
  it(
    'pixpay, dated at created_at: GO, every payout reconciled on its furthest state, the late events noted',
    async () => {
      const { code, ready } = await runFamilyInProcess({ partner: 'pixpay', family: 'transactions', defect: QUIRKS, cwd: ws.dir });
      expect(code).toBe(0);
      expect(ready.verdict).toBe('GO');
      expect(ready.families.transactions).toMatchObject({ status: 'passed', failed: [] });
      expect(reasonOf(ready, WEBHOOKS)).toBe('');
      const payouts = ready.reconciliation?.rows.filter((r) => r.movement === 'payout') ?? [];
      expect(payouts.length).toBeGreaterThan(0);
      for (const row of payouts) expect(row).toMatchObject({ status: 'ok', readState: 'COMPLETED', webhookState: 'COMPLETED' });
      // A scenario's payout may be reconciled before its late events came: noted where they did.
      const noted = payouts.filter((r) => r.note !== undefined);
      expect(noted.length).toBeGreaterThan(0);
      for (const row of noted) expect(row.note).toMatch(LATE);
      expect(noted.some((r) => r.note?.includes('PROCESSING arrived after'))).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'lionbank, dated at createdAt: GO, its initial-state events noted late',
    async () => {
      const { code, ready } = await runFamilyInProcess({ partner: 'lionbank', family: 'transactions', defect: QUIRKS });
      expect(code).toBe(0);
      expect(ready.families.transactions).toMatchObject({ status: 'passed', failed: [] });
      const rows = ready.reconciliation?.rows ?? [];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toMatchObject({ status: 'ok', webhookState: row.readState });
      const noted = rows.filter((r) => r.note !== undefined);
      expect(noted.length).toBeGreaterThan(0);
      for (const row of noted) expect(row.note).toMatch(LATE);
    },
    TIMEOUT,
  );
});
