import { describe, expect, it } from 'vitest';
import { currencyExponents } from './currencies.ts';
import { reconcileTransactions } from './reconcile.ts';
import { judgeRefundTotals } from './refunds.ts';

const table = currencyExponents();
const created = (id: string, reference: string, amount = 1500) => ({ movement: 'payout', id, reference, amount, currency: 'BRL' });
const view = (id: string, reference: string, more: object = {}) => ({ id, reference, amount: 1500, currency: 'BRL', state: 'COMPLETED', webhook: { state: 'COMPLETED', event: `evt_${id}` }, ...more });

describe('reconcileTransactions', () => {
  it('reconciles what the partner reports as created', () => {
    const r = reconcileTransactions([created('po_1', 'R1')], [view('po_1', 'R1')], table);
    expect(r.problems).toBe(0);
    expect(r.rows[0]).toMatchObject({ status: 'ok', created: 'BRL 15.00 (1500)', partner: 'BRL 15.00 (1500)', readState: 'COMPLETED', webhookState: 'COMPLETED' });
  });

  it('finds missing, duplicated, money and state disagreements', () => {
    const r = reconcileTransactions(
      [created('po_1', 'R1'), created('po_2', 'R2'), created('po_3', 'R3'), created('po_4', 'R4'), created('po_5', 'R5')],
      [
        view('po_2', 'R2'),
        view('po_9', 'R2'),
        view('po_3', 'R3', { amount: 1501 }),
        view('po_4', 'R4', { currency: 'USD' }),
        view('po_5', 'R5', { state: 'FAILED' }),
      ],
      table,
    );
    expect(r.rows.map((x) => [x.id, x.status])).toEqual([
      ['po_1', 'missing'],
      ['po_2', 'ok'],
      ['po_3', 'amount-mismatch'],
      ['po_4', 'currency-mismatch'],
      ['po_5', 'state-mismatch'],
      ['po_9', 'duplicated'],
    ]);
    expect(r.problems).toBe(5);
    expect(r.rows.find((x) => x.id === 'po_5')?.note).toBe('read says FAILED, the last webhook evt_po_5 says COMPLETED');
  });
});

describe('judgeRefundTotals', () => {
  const parents = new Map([['pay_1', { amount: 1000, currency: 'EUR' }]]);
  it('allows partial refunds up to the captured amount, failed ones not counted', () => {
    const children = [
      { id: 'rf_1', parentId: 'pay_1', amount: 600, currency: 'EUR', counts: true },
      { id: 'rf_2', parentId: 'pay_1', amount: 400, currency: 'EUR', counts: true },
      { id: 'rf_3', parentId: 'pay_1', amount: 400, currency: 'EUR', counts: false },
    ];
    expect(judgeRefundTotals(parents, children, table)).toEqual([]);
  });

  it('names the refunds that exceed it', () => {
    const children = [
      { id: 'rf_1', parentId: 'pay_1', amount: 600, currency: 'EUR', counts: true },
      { id: 'rf_2', parentId: 'pay_1', amount: 401, currency: 'EUR', counts: true },
    ];
    expect(judgeRefundTotals(parents, children, table)).toEqual(['pay_1: rf_1 + rf_2 total EUR 10.01 (1001), more than the EUR 10.00 (1000) captured']);
  });
});

describe('reconcileTransactions, states no webhook announces', () => {
  it('does not hold a read state the partner never announces against the last webhook', () => {
    const r = reconcileTransactions([created('pay_1', 'R1')], [view('pay_1', 'R1', { state: 'CAPTURED', webhook: { state: 'AUTHORIZED', event: 'evt_1' }, stateAnnounced: false })], table);
    expect(r.rows[0]).toMatchObject({ status: 'ok', readState: 'CAPTURED', webhookState: 'AUTHORIZED' });
    // Said on the row: `CAPTURED | AUTHORIZED` with no word would read as a contradiction.
    expect(r.rows[0]?.note).toBe('read says CAPTURED; the partner sends no webhook for CAPTURED, so its last one (AUTHORIZED) is not behind');
  });
});

describe('reconcileTransactions, events that came late', () => {
  it('notes them on the row, which still reconciles: the last webhook is the furthest state, not the last to arrive', () => {
    const late = ['evt_2 PROCESSING arrived after evt_3 COMPLETED'];
    const r = reconcileTransactions([created('po_1', 'R1')], [view('po_1', 'R1', { webhook: { state: 'COMPLETED', event: 'evt_3', late } })], table);
    expect(r.problems).toBe(0);
    expect(r.rows[0]).toMatchObject({ status: 'ok', webhookState: 'COMPLETED', event: 'evt_3', note: 'late: evt_2 PROCESSING arrived after evt_3 COMPLETED (recorded, not a regression)' });
  });
});
