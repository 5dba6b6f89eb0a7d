import { describe, expect, it } from 'vitest';
import type { ProxyEvent } from '../faults/index.ts';
import type { Exchange } from '../http/index.ts';
import { exercisedBy, injectedSince } from './exercised.ts';

const ex = (operationId: string | undefined, durationMs: number, answered = true): Exchange => ({
  seq: 1,
  request: { method: 'POST', url: 'http://x/p', headers: {}, ...(operationId && { operationId }) },
  ...(answered ? { response: { status: 200, headers: {}, bodyText: '' } } : { error: { code: 'ECONNRESET', message: 'reset' } }),
  startedAt: '',
  durationMs,
}) as Exchange;
const event = (outcome: ProxyEvent['outcome']): ProxyEvent => ({ outcome }) as ProxyEvent;

describe('exercisedBy', () => {
  it('names the operations the partner answered and times each answer', () => {
    expect(exercisedBy([ex('createPayout', 120), ex('createPayout', 80), ex('getPayout', 9), ex('getPayout', 5000, false), ex(undefined, 3)], false)).toEqual({ operations: ['createPayout', 'getPayout'], latency: { createPayout: [120, 80], getPayout: [9] } });
  });

  it('counts an answer timed while railgate itself was late as untimed, not as the partner’s latency', () => {
    const late = { ...ex('createPayout', 900), harnessLagMs: 700 };
    const brief = { ...ex('createPayout', 120), harnessLagMs: 50 };
    expect(exercisedBy([late, brief, ex('getPayout', 9)], false)).toEqual({ operations: ['createPayout', 'getPayout'], latency: { createPayout: [120], getPayout: [9] }, untimed: { createPayout: 1 } });
  });

  it('gives no latency for a check that had a fault injected: its delays are railgate’s', () => {
    expect(exercisedBy([ex('createPayout', 15_000)], true)).toEqual({ operations: ['createPayout'] });
  });
});

describe('injectedSince', () => {
  it('looks at the fault layer’s log from the check’s start, or at all of it when the check cleared it', () => {
    const log = [event('latency'), event('forwarded'), event('forwarded')];
    expect(injectedSince(log, 1)).toBe(false);
    expect(injectedSince(log, 0)).toBe(true);
    expect(injectedSince([event('hang')], 3)).toBe(true);
  });
});
