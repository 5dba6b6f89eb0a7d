import { describe, expect, it } from 'vitest';
import { judgeStates, reachable } from './machine.ts';

const machine = { initial: 'PENDING', transitions: { PENDING: ['PROCESSING', 'FAILED'], PROCESSING: ['COMPLETED', 'FAILED'] }, terminal: ['COMPLETED', 'FAILED'] };
const seq = (...states: string[]): Array<{ state: string; source: string }> => states.map((state, i) => ({ state, source: `evt_${i + 1}` }));

describe('judgeStates', () => {
  it('accepts every allowed path, repeated reads included', () => {
    expect(judgeStates(machine, seq('PENDING', 'PENDING', 'PROCESSING', 'COMPLETED', 'COMPLETED'), { every: true })).toEqual([]);
    expect(judgeStates(machine, seq('PENDING', 'FAILED'), { every: true })).toEqual([]);
  });

  it('lets reads skip states the machine passes through, but not webhooks', () => {
    expect(judgeStates(machine, seq('PENDING', 'COMPLETED'), { every: false })).toEqual([]);
    const [f] = judgeStates(machine, seq('PENDING', 'COMPLETED'), { every: true });
    expect(f).toMatchObject({ kind: 'skipped-state', at: { source: 'evt_2' } });
    expect(f?.message).toMatch(/no webhook for a state change: evt_1 announced PENDING, then evt_2 announced COMPLETED/);
  });

  it('names a change out of a terminal state, and the event that made it', () => {
    const [f] = judgeStates(machine, seq('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED'), { every: true });
    expect(f).toMatchObject({ kind: 'after-terminal', at: { state: 'FAILED', source: 'evt_4' } });
    expect(f?.message).toBe('illegal transition COMPLETED → FAILED: evt_3 showed the terminal state COMPLETED, then evt_4 shows FAILED');
  });

  it('refuses a move backwards and a state the machine does not name', () => {
    expect(judgeStates(machine, seq('PENDING', 'PROCESSING', 'PENDING'), { every: false })[0]?.kind).toBe('illegal-transition');
    expect(judgeStates(machine, seq('PENDING', 'SETTLED'), { every: false })[0]?.kind).toBe('unknown-state');
  });

  it('wants the first webhook to announce the initial state', () => {
    expect(judgeStates(machine, seq('PROCESSING', 'COMPLETED'), { every: true })[0]?.kind).toBe('not-initial');
    expect(judgeStates(machine, seq('PROCESSING', 'COMPLETED'), { every: false })).toEqual([]);
  });

  it('knows what is reachable', () => {
    expect([...reachable(machine, 'PENDING')].sort()).toEqual(['COMPLETED', 'FAILED', 'PROCESSING']);
    expect(reachable(machine, 'COMPLETED').size).toBe(0);
  });
});
