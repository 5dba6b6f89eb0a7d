import { describe, expect, it } from 'vitest';
import type { Profile } from '../profile/index.ts';
import { currencyExponents } from './currencies.ts';
import { resolveMovements } from './movements.ts';
import { refundTotalFindings } from './refunds.ts';
import type { MovementRecord } from './refunds.ts';

const table = currencyExponents();
const machine = (initial: string, terminal: string[], failed: string[]) => ({ initial, transitions: { [initial]: terminal }, terminal, failed });

// A card acquirer: captures, voids and refunds all name the authorization.
const cards = resolveMovements({
  transactions: {
    authorization: { create: 'a', read: 'ra', amount: '/amount', currency: '/currency', states: { initial: 'AUTHORIZED', transitions: { AUTHORIZED: ['CAPTURED', 'VOIDED'] }, terminal: ['CAPTURED', 'VOIDED'], failed: ['VOIDED'] } },
    capture: { create: 'c', read: 'rc', amount: '/amount', currency: '/currency', parent: { transaction: 'authorization', pointer: '/paymentId' }, states: machine('PENDING', ['SUCCEEDED', 'FAILED'], ['FAILED']) },
    void: { create: 'v', read: 'rv', parent: { transaction: 'authorization', pointer: '/paymentId' }, states: machine('SUCCEEDED', ['SUCCEEDED'], []) },
    refund: { create: 'r', read: 'rr', amount: '/amount', currency: '/currency', parent: { transaction: 'authorization', pointer: '/paymentId' }, states: machine('PENDING', ['SUCCEEDED', 'FAILED'], ['FAILED']) },
  },
} as unknown as Profile);
const [auth, capture, voids, refund] = cards as [(typeof cards)[number], (typeof cards)[number], (typeof cards)[number], (typeof cards)[number]];
const rec = (movement: typeof auth, id: string, amount: number | undefined, state: string, parentId?: string): MovementRecord => ({ movement, id, amount, currency: 'EUR', state, ...(parentId ? { parentId } : {}) });

describe('refundTotalFindings', () => {
  it('keeps refunds under what was captured, not what was authorized; failed captures and refunds do not count', () => {
    const records = [
      rec(auth, 'pay_1', 1000, 'CAPTURED'),
      rec(capture, 'cap_1', 600, 'SUCCEEDED', 'pay_1'),
      rec(capture, 'cap_2', 400, 'FAILED', 'pay_1'),
      rec(refund, 'rf_1', 500, 'SUCCEEDED', 'pay_1'),
      rec(refund, 'rf_2', 200, 'FAILED', 'pay_1'),
      rec(refund, 'rf_3', 101, 'PENDING', 'pay_1'),
    ];
    expect(refundTotalFindings(cards, records, table)).toEqual(['pay_1: rf_1 + rf_3 total EUR 6.01 (601), more than the EUR 6.00 (600) captured']);
    expect(refundTotalFindings(cards, records.slice(0, 5), table)).toEqual([]);
  });

  it('never counts captures or voids as refunds, though they name the same parent', () => {
    const records = [rec(auth, 'pay_1', 1000, 'CAPTURED'), rec(capture, 'cap_1', 1000, 'SUCCEEDED', 'pay_1'), rec(voids, 'vd_1', undefined, 'SUCCEEDED', 'pay_1'), rec(refund, 'rf_1', 1000, 'SUCCEEDED', 'pay_1')];
    expect(refundTotalFindings(cards, records, table)).toEqual([]);
  });

  it('holds refunds of an uncaptured authorization against nothing captured', () => {
    expect(refundTotalFindings(cards, [rec(auth, 'pay_1', 1000, 'AUTHORIZED'), rec(refund, 'rf_1', 1, 'SUCCEEDED', 'pay_1')], table)).toEqual([
      'pay_1: rf_1 total EUR 0.01 (1), more than the EUR 0.00 (0) captured',
    ]);
  });

  it("uses the parent's own amount when the profile has no capture for it (a payout reversed)", () => {
    const payouts = resolveMovements({
      transactions: {
        payout: { create: 'p', read: 'rp', amount: '/amount', currency: '/currency' },
        reversal: { create: 'x', read: 'rx', amount: '/amount', currency: '/currency', parent: { transaction: 'payout', pointer: '/payoutId' } },
      },
    } as unknown as Profile);
    const [payout, reversal] = payouts as [(typeof payouts)[number], (typeof payouts)[number]];
    expect(refundTotalFindings(payouts, [rec(payout, 'po_1', 1500, 'COMPLETED'), rec(reversal, 'rv_1', 1500, 'DONE', 'po_1')], table)).toEqual([]);
    expect(refundTotalFindings(payouts, [rec(payout, 'po_1', 1500, 'COMPLETED'), rec(reversal, 'rv_1', 1501, 'DONE', 'po_1')], table)).toHaveLength(1);
  });
});
