import { describe, expect, it } from 'vitest';
import type { Exchange } from '../http/index.ts';
import { exercisedBy } from './exercised.ts';

const ex = (operationId: string | undefined, durationMs: number, answered = true): Exchange => ({
  seq: 1,
  request: { method: 'POST', url: 'http://x/p', headers: {}, ...(operationId && { operationId }) },
  ...(answered ? { response: { status: 200, headers: {}, bodyText: '' } } : { error: { code: 'ECONNRESET', message: 'reset' } }),
  startedAt: '',
  durationMs,
}) as Exchange;

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
