import { describe, expect, test } from 'vitest';
import type { Profile } from '../profile/model.ts';
import { resolvePolicy, retriedOperations } from './policy.ts';

const base = { connectMs: 5000, headersMs: 30_000, bodyMs: 30_000, deadlineMs: 60_000 };
const profile = (retry?: Profile['retry']): Profile => ({ id: 'p', name: 'P', contract: 'c.yaml', rails: ['BR-PIX'], environments: {}, ...(retry && { retry }) });

describe('resolvePolicy', () => {
  test('without a retry section: one attempt, the client timeouts', () => {
    expect(resolvePolicy(profile(), 'op', base)).toMatchObject({ attempts: 1, timeouts: base });
  });

  test('defaults fill what the section leaves out', () => {
    const p = resolvePolicy(profile({ attempts: 5 }), 'op', base);
    expect(p).toMatchObject({ attempts: 5, backoff: { baseMs: 500, capMs: 30_000, jitter: 'full' }, retryAfter: { honour: true, capMs: 60_000 } });
    expect([...p.statuses]).toEqual([429, 502, 503, 504]);
    expect([...p.network]).toEqual(['refused', 'reset', 'timeout']);
  });

  test('an operation override is merged key by key over the section', () => {
    const spec = { attempts: 4, backoff: { base: '1s', cap: '10s' }, timeouts: { headers: '5s' }, operations: { op: { backoff: { jitter: 'equal' as const }, on: { statuses: [429] }, timeouts: { deadline: '20s' } } } };
    const p = resolvePolicy(profile(spec), 'op', base);
    expect(p.backoff).toEqual({ baseMs: 1000, capMs: 10_000, jitter: 'equal' });
    expect([...p.statuses]).toEqual([429]);
    expect(p.timeouts).toEqual({ connectMs: 5000, headersMs: 5000, bodyMs: 30_000, deadlineMs: 20_000 });
    expect(resolvePolicy(profile(spec), 'other', base).timeouts.deadlineMs).toBe(60_000);
  });

  test('retriedOperations: those whose policy makes more than one attempt', () => {
    expect(retriedOperations(profile({ operations: { b: { attempts: 1 } } }), ['a', 'b'])).toEqual(['a']);
    expect(retriedOperations(profile(), ['a'])).toEqual([]);
  });
});
