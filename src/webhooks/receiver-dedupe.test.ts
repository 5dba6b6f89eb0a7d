import { afterEach, describe, expect, it } from 'vitest';
import { refusalStage, startReceiver } from './index.ts';
import type { WebhookReceiver } from './index.ts';

// Issue 7: the receiver records every delivery, answers a refusal it was armed with, and keeps one event per id.
let receiver: WebhookReceiver | undefined;
afterEach(() => receiver?.close());

const post = async (url: string, body: object): Promise<number> => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  return res.status;
};

describe('receiver deduplication', () => {
  it('acknowledges a redelivery, records it, and counts the event once', async () => {
    const refusals = refusalStage();
    receiver = await startReceiver({
      path: '/hooks',
      stages: [refusals.stage],
      inspect: (d) => {
        const p = JSON.parse(d.body) as { id: string; type: string; amount: unknown };
        return { eventId: p.id, eventType: p.type, issues: typeof p.amount === 'number' ? [] : ['/amount must be integer'] };
      },
    });
    refusals.refuseNext((d) => d.body.includes('evt_1'));
    const event = { id: 'evt_1', type: 'payout.status_changed', amount: 1500 };
    expect(await post(receiver.url, event)).toBe(503);
    expect(await post(receiver.url, event)).toBe(204);
    expect(await post(receiver.url, event)).toBe(204);
    expect(await post(receiver.url, { id: 'evt_2', type: 'payout.status_changed', amount: '15.00' })).toBe(204);
    expect(receiver.deliveries().map((d) => [d.eventId, d.status, d.duplicate ?? false])).toEqual([
      ['evt_1', 503, false],
      ['evt_1', 204, false],
      ['evt_1', 204, true],
      ['evt_2', 204, false],
    ]);
    expect(receiver.events().map((d) => d.eventId)).toEqual(['evt_1', 'evt_2']);
    expect(receiver.events()[1]?.payloadIssues).toEqual(['/amount must be integer']);
  });
});
