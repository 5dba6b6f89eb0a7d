import { describe, expect, it } from 'vitest';
import type { Profile } from '../profile/index.ts';
import { eventTypeFor, resolveMovement } from './movements.ts';
import { checkTransactionSpecs } from './spec-checks.ts';

const profile = (transactions: object) => ({ transactions }) as unknown as Profile;
const refundMachine = { initial: 'PENDING', transitions: { PENDING: ['SUCCEEDED', 'FAILED'] }, terminal: ['SUCCEEDED', 'FAILED'], failed: ['FAILED'] };

describe('checkTransactionSpecs', () => {
  it('accepts a consistent section', () => {
    const p = profile({
      authorization: { create: 'a', read: 'ra', states: { initial: 'AUTHORIZED', transitions: { AUTHORIZED: ['CAPTURED'] }, terminal: ['CAPTURED'] } },
      refund: {
        create: 'r',
        read: 'rr',
        amount: '/amount',
        states: refundMachine,
        parent: { transaction: 'authorization', pointer: '/paymentId', exceeds: 'REFUND_EXCEEDS_CAPTURED' },
        events: { types: ['payment.refunded', 'payment.refund_failed'], on: { SUCCEEDED: 'payment.refunded', FAILED: 'payment.refund_failed' } },
        simulate: { path: [{ to: 'SUCCEEDED', after: '2s' }] },
      },
    });
    expect(checkTransactionSpecs(p)).toEqual([]);
  });

  it('names each mistake at its path', () => {
    const p = profile({
      refund: {
        create: 'r',
        read: 'rr',
        states: { ...refundMachine, transitions: { PENDING: ['SUCCEEDED', 'FAILED'], SUCCEEDED: ['FAILED'] }, failed: ['PENDING'] },
        parent: { transaction: 'payment', pointer: '/paymentId' },
        events: { types: ['payment.refunded', 'payment.refund_failed'], on: { SETTLED: 'payment.refunded', FAILED: 'refund.failed' } },
        simulate: { path: [{ to: 'DONE', after: '2s' }] },
      },
      capture: { create: 'c', read: 'rc', parent: { transaction: 'capture', pointer: '/paymentId', exceeds: 'X' }, events: { types: ['a', 'b'] } },
    });
    expect(checkTransactionSpecs(p)).toEqual([
      { path: ['transactions', 'refund', 'states', 'transitions', 'SUCCEEDED'], message: 'SUCCEEDED is terminal: no transition may leave it' },
      { path: ['transactions', 'refund', 'states', 'failed', 0], message: 'PENDING is not a terminal state (terminal: SUCCEEDED, FAILED): only a terminal state can say no money moved' },
      { path: ['transactions', 'refund', 'events', 'on', 'SETTLED'], message: 'SETTLED is not a state of the refund machine (PENDING, SUCCEEDED, FAILED)' },
      { path: ['transactions', 'refund', 'events', 'on', 'FAILED'], message: 'refund.failed is not one of events.types (payment.refunded, payment.refund_failed)' },
      { path: ['transactions', 'refund', 'simulate', 'path', 0, 'to'], message: 'DONE is not a state of the refund machine (PENDING, SUCCEEDED, FAILED)' },
      { path: ['transactions', 'refund', 'parent', 'transaction'], message: 'payment is not an entry of transactions (refund, capture)' },
      { path: ['transactions', 'capture', 'events', 'types'], message: '2 event types and no events.on: say which type announces which state' },
      { path: ['transactions', 'capture', 'parent', 'transaction'], message: 'a capture cannot be its own parent' },
    ]);
  });
});

describe('eventTypeFor', () => {
  it('is the one type of a movement without events.on, for every state', () => {
    const m = resolveMovement('payout', { create: 'p', read: 'r', events: { types: ['payout.status_changed'] } });
    expect(eventTypeFor(m, 'PENDING')).toBe('payout.status_changed');
  });

  it('is the type events.on names, and none for a state it does not name', () => {
    const m = resolveMovement('capture', { create: 'c', read: 'r', events: { types: ['payment.captured', 'payment.capture_failed'], on: { SUCCEEDED: 'payment.captured', FAILED: 'payment.capture_failed' } } });
    expect(eventTypeFor(m, 'FAILED')).toBe('payment.capture_failed');
    expect(eventTypeFor(m, 'PENDING')).toBeUndefined();
  });
});
