import { describe, expect, it } from 'vitest';
import type { Operation } from '../contract/index.ts';
import type { Profile } from '../profile/index.ts';
import { resolveMovements } from '../transactions/index.ts';
import { excessOf } from './money-rules.ts';
import { ResourceStore } from './store.ts';

const machine = { initial: 'PENDING', transitions: { PENDING: ['SUCCEEDED', 'FAILED'] }, terminal: ['SUCCEEDED', 'FAILED'], failed: ['FAILED'] };
const movements = resolveMovements({
  transactions: {
    authorization: { create: 'authorize', read: 'getPayment', amount: '/amount', currency: '/currency', states: { initial: 'AUTHORIZED', terminal: ['CAPTURED'] } },
    capture: { create: 'capture', read: 'getCapture', amount: '/amount', parent: { transaction: 'authorization', pointer: '/paymentId', exceeds: 'CAPTURE_EXCEEDS_AUTHORIZATION' }, states: machine },
    refund: { create: 'refund', read: 'getRefund', amount: '/amount', parent: { transaction: 'authorization', pointer: '/paymentId', exceeds: 'REFUND_EXCEEDS_CAPTURED' }, states: machine },
  },
} as unknown as Profile);
const op = (id: string, path: string) => ({ id, path }) as Operation;
const ops = new Map([op('authorize', '/payments'), op('capture', '/captures'), op('refund', '/refunds')].map((o) => [o.id, o]));

function ledger(): ResourceStore {
  const store = new ResourceStore();
  store.put('/payments', 'pay_1', { id: 'pay_1', amount: 1000, currency: 'EUR', status: 'AUTHORIZED' });
  return store;
}
const ask = (store: ResourceStore, opId: string, amount: number, defects: string[] = []) => excessOf(movements, store, ops, ops.get(opId)!, { paymentId: 'pay_1', amount }, new Set(defects));

describe('excessOf', () => {
  it('refuses a capture above what is left of the authorization', () => {
    const store = ledger();
    expect(ask(store, 'capture', 1000)).toBeUndefined();
    store.put('/captures', 'cap_1', { id: 'cap_1', paymentId: 'pay_1', amount: 600, status: 'SUCCEEDED' });
    expect(ask(store, 'capture', 401)).toEqual({ code: 'CAPTURE_EXCEEDS_AUTHORIZATION', message: 'capture of 401 exceeds the 400 left of what was authorized on pay_1' });
  });

  it('refuses refunds beyond what was captured, counting neither failed captures nor failed refunds', () => {
    const store = ledger();
    expect(ask(store, 'refund', 1)).toEqual({ code: 'REFUND_EXCEEDS_CAPTURED', message: 'refund of 1 exceeds the 0 left of what was captured on pay_1' });
    store.put('/captures', 'cap_1', { id: 'cap_1', paymentId: 'pay_1', amount: 600, status: 'SUCCEEDED' });
    store.put('/captures', 'cap_2', { id: 'cap_2', paymentId: 'pay_1', amount: 400, status: 'FAILED' });
    store.put('/refunds', 'rf_1', { id: 'rf_1', paymentId: 'pay_1', amount: 500, status: 'PENDING' });
    store.put('/refunds', 'rf_2', { id: 'rf_2', paymentId: 'pay_1', amount: 100, status: 'FAILED' });
    expect(ask(store, 'refund', 100)).toBeUndefined();
    expect(ask(store, 'refund', 101)?.message).toBe('refund of 101 exceeds the 100 left of what was captured on pay_1');
  });

  it('over-refund: the partner keeps no such rule for refunds (captures still checked)', () => {
    const store = ledger();
    expect(ask(store, 'refund', 5000, ['over-refund'])).toBeUndefined();
    expect(ask(store, 'capture', 1001, ['over-refund'])?.code).toBe('CAPTURE_EXCEEDS_AUTHORIZATION');
  });
});
