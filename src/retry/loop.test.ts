import { describe, expect, test } from 'vitest';
import { createManualClock } from '../clock/index.ts';
import type { ManualClock } from '../clock/index.ts';
import type { ClientTimeouts, Exchange } from '../http/model.ts';
import type { CodeRules } from './classify.ts';
import { decideNext } from './decide.ts';
import { runRetries } from './loop.ts';
import type { RetryPolicy } from './policy.ts';

const policy: RetryPolicy = {
  operationId: 'createPayout',
  attempts: 4,
  backoff: { baseMs: 1000, capMs: 8000, jitter: 'none' },
  statuses: new Set([429, 503]),
  codes: new Set(),
  network: new Set(['reset', 'timeout']),
  retryAfter: { honour: true, capMs: 30_000 },
  timeouts: { connectMs: 2000, headersMs: 10_000, bodyMs: 10_000, deadlineMs: 30_000 },
};
const codes: CodeRules = { retryClassOf: () => undefined };
const rng = { next: () => 0.5 };

function exchange(status: number | string, headers: Record<string, string> = {}): Exchange {
  const base = { seq: 0, request: { method: 'POST', url: 'http://x/payouts', headers: {} }, startedAt: '', durationMs: 0 };
  return typeof status === 'number' ? { ...base, response: { status, headers, bodyText: '', body: undefined } } : { ...base, error: { code: status, message: status } };
}

/** A partner scripted answer by answer; each attempt takes `tookMs` on the manual clock. */
function scripted(clock: ManualClock, answers: Array<number | string>, tookMs = 0, headers: Record<string, string> = {}) {
  const sent: Array<{ attempt: number; at: number; timeouts: ClientTimeouts }> = [];
  const send = async (attempt: number, timeouts: ClientTimeouts): Promise<Exchange> => {
    sent.push({ attempt, at: clock.now(), timeouts });
    clock.advance(tookMs);
    return exchange(answers[attempt - 1] ?? 200, headers);
  };
  return { send, sent };
}

/** Runs the loop, moving the manual clock whenever the loop parks in a wait. */
async function drive<T>(clock: ManualClock, run: Promise<T>): Promise<T> {
  let done = false;
  const result = run.finally(() => (done = true));
  while (!done) {
    await new Promise((r) => setImmediate(r));
    if (clock.pending() > 0) clock.advance(100);
  }
  return result;
}

describe('runRetries', () => {
  test('retries a 503, waiting the backoff on the clock, then succeeds', async () => {
    const clock = createManualClock();
    const p = scripted(clock, [503, 503, 201]);
    const call = await drive(clock, runRetries(p.send, policy, { clock, rng, codes }));
    expect(call.outcome).toBe('succeeded');
    expect(p.sent.map((s) => s.at)).toEqual([0, 1000, 3000]);
    expect(call.attempts.map((a) => a.waitedFor)).toEqual([undefined, 'backoff', 'backoff']);
  });

  test('honours Retry-After over the backoff', async () => {
    const clock = createManualClock();
    const p = scripted(clock, [429, 201], 0, { 'retry-after': '5' });
    const call = await drive(clock, runRetries(p.send, policy, { clock, rng, codes }));
    expect(p.sent.map((s) => s.at)).toEqual([0, 5000]);
    expect(call.attempts[1]).toMatchObject({ waitedMs: 5000, waitedFor: 'retry-after' });
  });

  test('a Retry-After above the cap ends the call rather than be cut short', async () => {
    const clock = createManualClock();
    const p = scripted(clock, [429], 0, { 'retry-after': '120' });
    const call = await drive(clock, runRetries(p.send, policy, { clock, rng, codes }));
    expect(call.outcome).toBe('retry-after-too-long');
    expect(call.summary).toMatch(/Retry-After 120 \(120000 ms\) is above the 30000 ms cap/);
  });

  test('stops at the attempt limit with the last answer', async () => {
    const clock = createManualClock();
    const p = scripted(clock, [503, 503, 503, 503, 503]);
    const call = await drive(clock, runRetries(p.send, policy, { clock, rng, codes }));
    expect(call.outcome).toBe('exhausted');
    expect(p.sent).toHaveLength(4);
    expect(call.final.response?.status).toBe(503);
  });

  test('stops at the deadline, never starting an attempt past it, and gives each attempt what is left', async () => {
    const clock = createManualClock();
    const p = scripted(clock, Array(10).fill('UND_ERR_HEADERS_TIMEOUT'), 10_000);
    const call = await drive(clock, runRetries(p.send, { ...policy, attempts: 10 }, { clock, rng, codes }));
    expect(call.outcome).toBe('deadline');
    expect(p.sent.every((s) => s.at < 30_000)).toBe(true);
    expect(p.sent.map((s) => s.timeouts.deadlineMs)).toEqual([30_000, 19_000, 7_000]);
  });

  test('a wait that overruns the deadline (a late timer) starts no further attempt', async () => {
    const clock = createManualClock();
    const p = scripted(clock, [503, 503]);
    const call = await runRetries(p.send, policy, { clock, rng, codes, wait: async (ms) => clock.advance(ms + 30_000) });
    expect(call.outcome).toBe('deadline');
    expect(p.sent).toHaveLength(1);
    expect(call.summary).toMatch(/the wait before the next one overran it/);
  });

  test('does not retry what the policy does not list', async () => {
    const clock = createManualClock();
    const p = scripted(clock, [422]);
    const call = await drive(clock, runRetries(p.send, policy, { clock, rng, codes }));
    expect(call).toMatchObject({ outcome: 'failed' });
    expect(p.sent).toHaveLength(1);
  });
});

describe('decideNext', () => {
  const base = { policy, attempt: 1, now: 0, deadlineAt: 30_000, rng };
  test('a wait that would cross the deadline stops now', () => {
    expect(decideNext({ ...base, now: 29_500, verdict: { kind: 'retryable', reason: '503' } })).toMatchObject({ action: 'stop', outcome: 'deadline' });
  });
  test('an unparseable Retry-After falls back to the backoff', () => {
    expect(decideNext({ ...base, verdict: { kind: 'retryable', reason: '429', retryAfter: 'soon' } })).toMatchObject({ action: 'wait', waitMs: 1000, why: 'backoff' });
  });
  test('honour: false ignores Retry-After', () => {
    const p = { ...policy, retryAfter: { honour: false, capMs: 0 } };
    expect(decideNext({ ...base, policy: p, verdict: { kind: 'retryable', reason: '429', retryAfter: '9' } })).toMatchObject({ waitMs: 1000, why: 'backoff' });
  });
});
