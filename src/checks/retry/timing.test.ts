import { describe, expect, it } from 'vitest';
import { createClock, createVirtualClock } from '../../clock/index.ts';
import type { Exchange } from '../../http/index.ts';
import type { AttemptRecord, RetriedCall, RetryPolicy } from '../../retry/index.ts';
import { CheckFailure } from '../model.ts';
import type { CheckContext } from '../model.ts';
import { judgeHungCall } from './hung.ts';
import { judgeGap } from './retry-after.ts';
import { timedPhase, withinTolerance } from './timing.ts';

// Issue 11, item 2: against a sandbox (a wall clock) a timing deviation measured while railgate's own event
// loop was late is the harness's (harness-timing: retried, then broken), never a partner defect.
const wall = createClock();
const LATE = 5_000;

/** The CheckFailure `fn` throws, or undefined. */
function failureOf(fn: () => unknown): CheckFailure | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof CheckFailure) return e;
    throw e;
  }
  return undefined;
}

describe('withinTolerance', () => {
  it('accepts a duration within tolerance, even while railgate was late', () => {
    expect(withinTolerance(wall, LATE, { what: 'x', measuredMs: 2_050, expectedMs: 2_000 })).toBe(true);
  });

  it('blames the partner for a deviation while railgate kept time', () => {
    expect(withinTolerance(wall, 20, { what: 'x', measuredMs: 4_000, expectedMs: 2_000 })).toBe(false);
    expect(withinTolerance(wall, 20, { what: 'x', measuredMs: 1_000, expectedMs: 2_000 })).toBe(false);
  });

  it('refuses to judge a deviation while railgate was later than the late margin, naming both figures', () => {
    const f = failureOf(() => withinTolerance(wall, 900, { what: 'createPayout: attempt 1', measuredMs: 3_100, expectedMs: 2_000 }));
    expect(f?.kind).toBe('harness-timing');
    expect(f?.name).toBe('HarnessTimingError');
    expect(f?.message).toBe("[harness-timing] createPayout: attempt 1: railgate's own event loop was 900 ms late during this check; the measured 3100 ms cannot be judged (expected 2000 ms, at most 500 ms late)");
    // A lag within the margin (500 ms for 2 s) excuses nothing.
    expect(withinTolerance(wall, 400, { what: 'x', measuredMs: 3_100, expectedMs: 2_000 })).toBe(false);
  });

  it('compares the lag (real ms) with the margin in profile ms on a scaled clock', () => {
    const fast = createClock({ scale: 0.01 });
    // 10 s expected: the margin is 150 real ms = 15 s profile. 200 real ms late is beyond it; 100 is not.
    expect(failureOf(() => withinTolerance(fast, 200, { what: 'x', measuredMs: 40_000, expectedMs: 10_000 }))?.kind).toBe('harness-timing');
    expect(withinTolerance(fast, 100, { what: 'x', measuredMs: 40_000, expectedMs: 10_000 })).toBe(false);
  });

  it('lets a late-only duration end early', () => {
    expect(withinTolerance(wall, 0, { what: 'x', measuredMs: 100, expectedMs: 2_000, sides: 'late-only' })).toBe(true);
  });
});

describe('the Retry-After gap (retry-after.ts)', () => {
  it('with railgate on time, a gap of half the advice is the partner’s', () => {
    expect(judgeGap(wall, 10, 'createPayout: after Retry-After seconds (2)', 1_000, 2_000)).toBe('createPayout: after Retry-After seconds (2) the next attempt came 1000 ms later, expected 2000 ms (−3 / +500)');
  });

  it('with railgate late, the same gap is harness-timing', () => {
    const f = failureOf(() => judgeGap(wall, LATE, 'createPayout: after Retry-After seconds (2)', 1_000, 2_000));
    expect(f?.kind).toBe('harness-timing');
    expect(f?.message).toMatch(/railgate's own event loop was 5000 ms late during this check; the measured 1000 ms cannot be judged/);
  });

  it('on the virtual clock a deviation is always judged: nothing there is measured in real time', () => {
    expect(judgeGap(createVirtualClock(), LATE, 'g', 1_000, 2_000)).toMatch(/expected 2000 ms/);
  });
});

describe('a hung partner (hung.ts)', () => {
  const policy = { timeouts: { connectMs: 1_000, headersMs: 2_000, bodyMs: 2_000, deadlineMs: 5_000 } } as RetryPolicy;
  const timedOut = (attempt: number, startedAt: number, endedAt: number): AttemptRecord => ({
    attempt,
    exchange: { error: { code: 'UND_ERR_HEADERS_TIMEOUT', message: 'Headers Timeout Error' } } as Exchange,
    verdict: { kind: 'retryable', reason: 'timeout' },
    startedAt,
    endedAt,
    waitedMs: 0,
  });
  // The second attempt ended 2.4 s past its 2 s headers timeout, and the call 1.5 s past its 5 s deadline.
  const call: RetriedCall = { outcome: 'deadline', summary: 'stopped at the deadline', attempts: [timedOut(1, 0, 2_000), timedOut(2, 2_100, 6_500)], final: {} as Exchange, policy, startedAt: 0, endedAt: 6_500 };

  it('with railgate on time, an attempt past its headers timeout is the partner’s (the call’s deadline too)', () => {
    expect(judgeHungCall(wall, 0, 'createPayout', call)).toEqual(['attempt 2 timed out after 4400 ms, not the 2000 ms headers timeout', 'the call took 6500 ms, past its 5000 ms deadline']);
  });

  it('with railgate late, it is harness-timing', () => {
    expect(failureOf(() => judgeHungCall(wall, LATE, 'createPayout', call))?.message).toMatch(/^\[harness-timing\] createPayout: attempt 2's headers timeout: railgate's own event loop was 5000 ms late/);
  });

  it('an answer where none should come is the partner’s whatever the lag: it is not a duration', () => {
    const answered: RetriedCall = { ...call, attempts: [{ ...timedOut(1, 0, 2_000), exchange: { response: { status: 200 } } as Exchange }], endedAt: 2_000, outcome: 'succeeded' };
    expect(judgeHungCall(wall, LATE, 'createPayout', answered)).toEqual(['attempt 1 ended with a 200, not a timeout', "the call ended 'succeeded'"]);
  });
});

describe('timedPhase', () => {
  const ctxOn = (clock: CheckContext['clock']) => ({ clock }) as CheckContext;
  const busyWait = (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // spinning on purpose: railgate's own event loop is late
    }
  };

  it('measures the lag of a phase that blocked the event loop, and a deviation then is harness-timing', async () => {
    const { value, lagMs } = await timedPhase(ctxOn(wall), async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      busyWait(700);
      return 'done';
    });
    expect(value).toBe('done');
    expect(lagMs).toBeGreaterThanOrEqual(600);
    expect(failureOf(() => judgeGap(wall, lagMs, 'g', 1_000, 2_000))?.kind).toBe('harness-timing');
  });

  it('measures nothing on the virtual clock', async () => {
    const { lagMs } = await timedPhase(ctxOn(createVirtualClock()), async () => busyWait(200));
    expect(lagMs).toBe(0);
  });
});
