import { describe, expect, it } from 'vitest';
import { reasonOf, runFamilyInProcess } from './helpers/family-run.ts';

// Issue 7: the transactions family against the embedded simulator (real loopback servers, the scaled clock,
// webhooks to railgate's receiver), clean and with each planted defect. Every defect must fail the family with a
// reason naming the transaction and the offending event. In process, judged as the CLI judges it: the family's
// runs through the CLI are test/in-process-verdicts.test.ts's (EuroCard with over-refund, both ways, compared) and
// webhook-registration's (EuroCard, clean: exit 0).

const runTransactions = (defect: string) => runFamilyInProcess({ partner: 'pixpay', family: 'transactions', defect });

const LIFECYCLE = 'payout lifecycle: create, then reads reach a terminal state within the deadline by allowed transitions, with the money as created';
const WEBHOOKS = 'payout webhooks: every state change is announced by a valid event, with the money as created';
const TIMEOUT = 120_000;

describe('railgate run --family transactions', () => {
  it(
    'is GO against the clean simulator, with a reconciliation table in the readiness JSON',
    async () => {
      const { code, ready } = await runFamilyInProcess({ partner: 'pixpay', family: 'transactions' });
      expect(code).toBe(0);
      expect(ready.families.transactions).toMatchObject({ status: 'passed', failed: [], skipped: [] });
      expect(ready.checks.map((c) => c.name)).toContain(LIFECYCLE);
      expect(ready.reconciliation?.problems).toBe(0);
      expect(ready.reconciliation?.rows.length).toBeGreaterThan(0);
      expect(ready.reconciliation?.rows.every((r) => r.status === 'ok' && r.webhookState === r.readState)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'fails on illegal-transition: the event leaving the terminal state is named',
    async () => {
      const { code, ready } = await runTransactions('illegal-transition');
      expect(code).toBe(1);
      expect(ready.families.transactions?.status).toBe('failed');
      expect(reasonOf(ready, WEBHOOKS)).toMatch(/\[partner-defect\] payout po_\w+: illegal transition COMPLETED → FAILED: evt_\w+ \(payout\.status_changed\) showed the terminal state COMPLETED, then evt_\w+ \(payout\.status_changed\) shows FAILED/);
    },
    TIMEOUT,
  );

  it(
    'fails on webhook-amount-mismatch: the event and both amounts are named',
    async () => {
      const { code, ready } = await runTransactions('webhook-amount-mismatch');
      expect(code).toBe(1);
      expect(ready.families.transactions?.status).toBe('failed');
      expect(reasonOf(ready, WEBHOOKS)).toMatch(/\[partner-defect\] payout po_\w+: evt_\w+ \(payout\.status_changed\) announcing COMPLETED states BRL 15\.01 \(1501\) where BRL 15\.00 \(1500\) was due/);
    },
    TIMEOUT,
  );

  it(
    'fails on webhook-missing: the events around the unannounced change are named',
    async () => {
      const { code, ready } = await runTransactions('webhook-missing');
      expect(code).toBe(1);
      expect(ready.families.transactions?.status).toBe('failed');
      expect(reasonOf(ready, WEBHOOKS)).toMatch(/\[partner-defect\] payout po_\w+: no webhook for a state change: evt_\w+ \(payout\.status_changed\) announced PENDING, then evt_\w+ \(payout\.status_changed\) announced COMPLETED/);
    },
    TIMEOUT,
  );

  it(
    'fails on stuck-pending: the transaction, its last read and its only event are named',
    async () => {
      // stuck-pending waits out every deadline, the collection's realistic 2h included: free on the virtual clock.
      const { code, ready } = await runTransactions('stuck-pending');
      expect(code).toBe(1);
      expect(ready.families.transactions?.status).toBe('failed');
      expect(reasonOf(ready, LIFECYCLE)).toMatch(/\[partner-defect\] payout po_\w+: stuck in PENDING: not terminal within its deadline of 120s \(\d+ reads, last read #\d+\) \(webhooks: evt_\w+ PENDING\)/);
    },
    TIMEOUT,
  );
});

// The card acquirer: refunds against what was captured, and an event type per state (events.on).
const runCards = (defect?: string) => runFamilyInProcess({ partner: 'eurocard', family: 'transactions', defect });
const REFUND_TOTALS = 'refund totals: refunds of one authorization never add up to more than was captured of it';
const RECONCILIATION = 'reconciliation: every transaction railgate created is found again with its money, and its read state agrees with its last webhook';

describe('railgate run --partner eurocard --family transactions', () => {
  it(
    'is GO against the clean simulator: the over-refund is refused with the documented code, events carry their state\'s type',
    async () => {
      const { code, ready } = await runCards();
      expect(code).toBe(0);
      expect(ready.families.transactions).toMatchObject({ status: 'passed', failed: [], skipped: [] });
      expect(ready.checks.map((c) => c.name)).toContain(REFUND_TOTALS);
    },
    TIMEOUT,
  );

  it(
    'fails on over-refund: the parent, every refund and both totals are named, live and in reconciliation',
    async () => {
      const { code, ready } = await runCards('over-refund');
      expect(code).toBe(1);
      const totals = /pay_\w+: rf_\w+ \+ rf_\w+ \+ rf_\w+ total EUR 74\.86 \(7486\), more than the EUR 49\.90 \(4990\) captured/;
      expect(reasonOf(ready, REFUND_TOTALS)).toMatch(new RegExp(`^\\[partner-defect\\] ${totals.source} \\(refunds: rf_\\w+ EUR 24\\.95 \\(2495\\) SUCCEEDED, rf_\\w+ EUR 24\\.96 \\(2496\\) SUCCEEDED, rf_\\w+ EUR 24\\.95 \\(2495\\) SUCCEEDED\\)$`));
      expect(reasonOf(ready, RECONCILIATION)).toMatch(new RegExp(`refunds exceed the captured amount: ${totals.source}`));
    },
    TIMEOUT,
  );

  it(
    'fails on webhook-wrong-type: the event, its type and the type due are named',
    async () => {
      const { code, ready } = await runCards('webhook-wrong-type');
      expect(code).toBe(1);
      expect(reasonOf(ready, 'capture webhooks: every state change is announced by a valid event, with the money as created')).toMatch(
        /^\[partner-defect\] capture cap_\w+: evt_\w+ \(payment\.capture_failed\) announces SUCCEEDED as payment\.capture_failed: SUCCEEDED is announced by payment\.captured/,
      );
    },
    TIMEOUT,
  );
});
