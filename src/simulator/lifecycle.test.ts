import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/index.ts';
import type { ResolvedMovement } from '../transactions/index.ts';
import { createLifecycle } from './lifecycle.ts';
import type { StateChange } from './lifecycle.ts';

const movement = {
  key: 'payout',
  spec: { create: 'createPayout', read: 'getPayout' },
  idPointer: '/id',
  statePointer: '/status',
  machine: { initial: 'PENDING', terminal: ['COMPLETED'], transitions: { PENDING: ['COMPLETED'] } },
  deadlineMs: 60_000,
} as unknown as ResolvedMovement;

describe('the simulator lifecycle', () => {
  it('advances nothing once closed, whether its wait signal was last shared by a resource that finished or not', async () => {
    const clock = createManualClock();
    const changes: string[] = [];
    const lifecycle = createLifecycle(clock, new Set(), () => new Date(clock.now()), (c: StateChange) => changes.push(`${String(c.resource.id)} ${c.to}`));
    lifecycle.start(movement, { id: 'a' });
    await Promise.resolve();
    clock.advance(1_000);
    // Let the finished resource release its share of the signal.
    await new Promise((resolve) => setImmediate(resolve));
    expect(changes).toEqual(['a PENDING', 'a COMPLETED']);
    lifecycle.close();
    // A create that was in flight when the simulator closed: announced as made, never advanced.
    lifecycle.start(movement, { id: 'b' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(clock.pending()).toBe(0);
    clock.advance(10_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(changes).toEqual(['a PENDING', 'a COMPLETED', 'b PENDING']);
  });
});
