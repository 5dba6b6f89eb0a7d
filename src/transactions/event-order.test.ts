import { describe, expect, it } from 'vitest';
import { forwardRanks, furthestEvent, orderEvents } from './event-order.ts';
import { judgeStates } from './machine.ts';

const machine = { initial: 'PENDING', transitions: { PENDING: ['PROCESSING', 'FAILED'], PROCESSING: ['COMPLETED', 'FAILED'] }, terminal: ['COMPLETED', 'FAILED'] };
/** Events in arrival order: `evt_<n> STATE@time` (no time: undated). */
const arrived = (...specs: Array<[string, number?]>) => specs.map(([state, at], i) => ({ state, source: `evt_${i + 1}`, ...(at === undefined ? {} : { at }) }));
const states = (events: ReadonlyArray<{ state: string }>) => events.map((e) => e.state);

describe('forwardRanks', () => {
  it('counts a state reached later on the forward path further along', () => {
    expect(Object.fromEntries(forwardRanks(machine))).toEqual({ PENDING: 0, PROCESSING: 1, COMPLETED: 2, FAILED: 2 });
  });
});

describe('orderEvents', () => {
  it("orders by the partner's own time, not by arrival", () => {
    const ordered = orderEvents(machine, arrived(['COMPLETED', 5_000], ['PENDING', 0], ['PROCESSING', 2_000]));
    expect(states(ordered)).toEqual(['PENDING', 'PROCESSING', 'COMPLETED']);
  });

  it('breaks equal times by the machine, a state further along after', () => {
    expect(states(orderEvents(machine, arrived(['COMPLETED', 1_000], ['PROCESSING', 1_000], ['PENDING', 1_000])))).toEqual(['PENDING', 'PROCESSING', 'COMPLETED']);
  });

  it('then by arrival, for two states equally far along', () => {
    expect(orderEvents(machine, arrived(['COMPLETED', 1_000], ['FAILED', 1_000])).map((e) => e.source)).toEqual(['evt_1', 'evt_2']);
  });

  it('orders undated events by the machine, then arrival: a time on some only cannot order them against the rest', () => {
    expect(states(orderEvents(machine, arrived(['COMPLETED'], ['PENDING', 9_000], ['PROCESSING'])))).toEqual(['PENDING', 'PROCESSING', 'COMPLETED']);
  });

  it('marks a late event with the one it arrived after that happened later, and keeps it in its place', () => {
    const ordered = orderEvents(machine, arrived(['PENDING', 0], ['COMPLETED', 5_000], ['PROCESSING', 2_000]));
    expect(ordered.map((e) => [e.state, e.lateAfter?.source])).toEqual([
      ['PENDING', undefined],
      ['PROCESSING', 'evt_2'],
      ['COMPLETED', undefined],
    ]);
    // Recorded, not a regression: in the order it happened the machine only moved forward.
    expect(judgeStates(machine, ordered, { every: true })).toEqual([]);
  });

  it('names the latest-happening of the events a late one arrived after', () => {
    const ordered = orderEvents(machine, arrived(['PROCESSING', 2_000], ['COMPLETED', 5_000], ['PENDING', 0]));
    expect(ordered[0]).toMatchObject({ state: 'PENDING', lateAfter: { source: 'evt_2' } });
  });

  it('keeps a real move back in the partner\'s own time a finding: a terminal state, then later a non-terminal one', () => {
    const ordered = orderEvents(machine, arrived(['PENDING', 0], ['PROCESSING', 6_000], ['COMPLETED', 5_000]));
    expect(states(ordered)).toEqual(['PENDING', 'COMPLETED', 'PROCESSING']);
    const findings = judgeStates(machine, ordered, { every: true });
    expect(findings.find((f) => f.kind === 'after-terminal')?.message).toMatch(/illegal transition COMPLETED → PROCESSING: evt_3 showed the terminal state COMPLETED, then evt_2 shows PROCESSING/);
  });
});

describe('furthestEvent', () => {
  it('is the furthest state along the machine, not the last to arrive', () => {
    const ordered = orderEvents(machine, arrived(['PENDING', 0], ['COMPLETED', 5_000], ['PROCESSING', 2_000]));
    expect(furthestEvent(machine, ordered)?.state).toBe('COMPLETED');
  });

  it('among states equally far along, the one that happened last (a terminal state left for another)', () => {
    const ordered = orderEvents(machine, arrived(['COMPLETED', 5_000], ['FAILED', 6_000]));
    expect(furthestEvent(machine, ordered)?.state).toBe('FAILED');
  });

  it('is undefined without events', () => {
    expect(furthestEvent(machine, [])).toBeUndefined();
  });
});
