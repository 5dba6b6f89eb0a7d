import { describe, expect, it } from 'vitest';
import type { Contract } from '../../contract/index.ts';
import type { Partner } from '../../partner/index.ts';
import { resolveMovement } from '../../transactions/index.ts';
import type { ReceivedDelivery, WebhookReceiver } from '../../webhooks/index.ts';
import { describeEvents, eventsFor, storyTold } from './events.ts';
import { judgeEvents } from './webhooks-check.ts';

// A partner whose events say when they happened at `created_at` (its contract's payload schema says so),
// and railgate's receiver reduced to the accepted events it kept, in arrival order.
const contract = {
  bundled: {
    webhooks: {
      statusChanged: {
        post: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' }, created_at: { type: 'string', format: 'date-time' }, data: { type: 'object' } } } } } } },
      },
    },
  },
} as unknown as Contract;
const partner = (webhooks: { eventTime?: string } = {}): Partner => ({ profile: { webhooks: { scheme: 'timestamped', ...webhooks } }, contract }) as unknown as Partner;
const states = { initial: 'PENDING', transitions: { PENDING: ['PROCESSING', 'FAILED'], PROCESSING: ['COMPLETED', 'FAILED'] }, terminal: ['COMPLETED', 'FAILED'] };
const payout = resolveMovement('payout', { create: 'c', read: 'r', states, events: { types: ['payout.status_changed'] } });

/** `[event id, state, second of the partner's clock]` in arrival order, dated at `at` (a pointer's top-level key or a nested one). */
function receiver(arrivals: Array<[string, string, number]>, at: (iso: string) => Record<string, unknown> = (iso) => ({ created_at: iso })): WebhookReceiver {
  const delivered = arrivals.map(([id, status, second], i) => ({
    seq: i + 1,
    eventId: id,
    eventType: 'payout.status_changed',
    body: JSON.stringify({ id, type: 'payout.status_changed', ...at(new Date(Date.UTC(2026, 10, 21, 12, 0, second)).toISOString()), data: { id: 'po_1', status } }),
  })) as ReceivedDelivery[];
  return { events: () => delivered } as unknown as WebhookReceiver;
}

const noMoney = () => undefined;

describe('eventsFor', () => {
  it('orders a created_at partner\'s events by that time, and shows the late ones as such', () => {
    const events = eventsFor(partner(), receiver([['evt_3', 'COMPLETED', 5], ['evt_2', 'PROCESSING', 2], ['evt_1', 'PENDING', 0]]), payout, 'po_1');
    expect(describeEvents(events)).toBe('evt_1 PENDING (late: arrived after evt_3 COMPLETED), evt_2 PROCESSING (late: arrived after evt_3 COMPLETED), evt_3 COMPLETED');
  });

  it("follows the profile's webhooks.eventTime over the contract", () => {
    const nested = (iso: string) => ({ meta: { at: iso } });
    const events = eventsFor(partner({ eventTime: '/meta/at' }), receiver([['evt_2', 'PROCESSING', 2], ['evt_1', 'PENDING', 0]], nested), payout, 'po_1');
    expect(events.map((e) => e.eventId)).toEqual(['evt_1', 'evt_2']);
  });

  it('falls back to the machine, then arrival, for events that carry no time', () => {
    const undated = () => ({});
    const events = eventsFor(partner(), receiver([['evt_2', 'PROCESSING', 0], ['evt_1', 'PENDING', 0]], undated), payout, 'po_1');
    expect(events.map((e) => [e.eventId, e.lateAfter?.eventId])).toEqual([
      ['evt_1', 'evt_2'],
      ['evt_2', undefined],
    ]);
  });
});

describe('judging late events', () => {
  it('a late or redelivered event for an earlier state is no regression: nothing to find', () => {
    const events = eventsFor(partner(), receiver([['evt_1', 'PENDING', 0], ['evt_3', 'COMPLETED', 5], ['evt_2', 'PROCESSING', 2]]), payout, 'po_1');
    expect(judgeEvents(payout, events, ['PENDING', 'PROCESSING', 'COMPLETED'], noMoney)).toEqual([]);
  });

  it("a terminal state followed, in the partner's own time, by a non-terminal one is still a finding", () => {
    const events = eventsFor(partner(), receiver([['evt_1', 'PENDING', 0], ['evt_2', 'PROCESSING', 2], ['evt_3', 'COMPLETED', 5], ['evt_4', 'PROCESSING', 6]]), payout, 'po_1');
    expect(judgeEvents(payout, events, ['PENDING', 'COMPLETED'], noMoney)).toContain('illegal transition COMPLETED → PROCESSING: evt_3 (payout.status_changed) showed the terminal state COMPLETED, then evt_4 (payout.status_changed) shows PROCESSING');
  });
});

describe('storyTold', () => {
  const want = { state: 'COMPLETED', readStates: ['PENDING', 'COMPLETED'] };

  it('waits for a late event that fills a gap, though the terminal one is in', () => {
    const early = eventsFor(partner(), receiver([['evt_1', 'PENDING', 0], ['evt_3', 'COMPLETED', 5]]), payout, 'po_1');
    expect(storyTold(payout, early, want)).toBe(false);
    const all = eventsFor(partner(), receiver([['evt_1', 'PENDING', 0], ['evt_3', 'COMPLETED', 5], ['evt_2', 'PROCESSING', 2]]), payout, 'po_1');
    expect(storyTold(payout, all, want)).toBe(true);
  });

  it('is told once the furthest event shows the awaited state, whatever arrived last', () => {
    const events = eventsFor(partner(), receiver([['evt_3', 'COMPLETED', 5], ['evt_2', 'PROCESSING', 2], ['evt_1', 'PENDING', 0]]), payout, 'po_1');
    expect(storyTold(payout, events, want)).toBe(true);
    expect(storyTold(payout, events.slice(0, 2), want)).toBe(false);
  });
});
