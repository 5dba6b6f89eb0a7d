import { describe, expect, it } from 'vitest';
import { resolveMovement } from '../../transactions/index.ts';
import type { ReceivedDelivery } from '../../webhooks/index.ts';
import type { TxEvent } from './events.ts';
import { judgeEvents } from './webhooks-check.ts';

const states = { initial: 'PENDING', transitions: { PENDING: ['SUCCEEDED', 'FAILED'] }, terminal: ['SUCCEEDED', 'FAILED'] };
const capture = resolveMovement('capture', { create: 'c', read: 'r', states, events: { types: ['payment.captured', 'payment.capture_failed'], on: { SUCCEEDED: 'payment.captured', FAILED: 'payment.capture_failed' } } });
const everyChange = resolveMovement('capture', { create: 'c', read: 'r', states, events: { types: ['capture.updated'] } });
const event = (n: number, type: string, state: string): TxEvent => ({ eventId: `evt_${n}`, type, state, source: `evt_${n} (${type})`, payload: {}, delivery: { seq: n } as ReceivedDelivery });
const noMoney = () => undefined;

describe('judgeEvents', () => {
  it('with events.on: the named states, each by its own type, the unannounced initial state not required', () => {
    expect(judgeEvents(capture, [event(1, 'payment.captured', 'SUCCEEDED')], ['PENDING', 'SUCCEEDED'], noMoney)).toEqual([]);
  });

  it('with events.on: a state announced by the wrong type, and a state it does not announce', () => {
    expect(judgeEvents(capture, [event(1, 'payment.captured', 'PENDING'), event(2, 'payment.capture_failed', 'SUCCEEDED')], ['PENDING', 'SUCCEEDED'], noMoney)).toEqual([
      'evt_1 (payment.captured) announces PENDING, which the partner does not announce (events.on names SUCCEEDED, FAILED)',
      'evt_2 (payment.capture_failed) announces SUCCEEDED as payment.capture_failed: SUCCEEDED is announced by payment.captured',
    ]);
  });

  it('with events.on: a terminal state the reads saw and no event announced', () => {
    expect(judgeEvents(capture, [], ['PENDING', 'FAILED'], noMoney)).toEqual(['no webhook announced FAILED, which the reads saw']);
  });

  it('without events.on: every change, the initial state first', () => {
    expect(judgeEvents(everyChange, [event(1, 'capture.updated', 'SUCCEEDED')], ['PENDING', 'SUCCEEDED'], noMoney)).toEqual([
      'evt_1 (capture.updated) is the first event and shows SUCCEEDED: no event announced the initial state PENDING',
      'no webhook announced PENDING, which the reads saw',
    ]);
  });
});
