import { describe, expect, test } from 'vitest';
import { createSchedule, matches } from './schedule.ts';
import type { Fault, FaultRule } from './types.ts';

const hang: Fault = { kind: 'hang' };
const get = (pathname: string, operationId?: string, check?: string) => ({ method: 'GET', pathname, operationId, check });

describe('createSchedule', () => {
  test('is empty until a rule is added, and then takes the first match in order', () => {
    const schedule = createSchedule();
    expect(schedule.take(get('/x'))).toBeUndefined();
    const first: Fault = { kind: 'status', status: 503 };
    const second: Fault = { kind: 'status', status: 500 };
    schedule.add({ match: { path: '/y' }, fault: hang });
    schedule.add({ fault: first });
    schedule.add({ fault: second });
    expect(schedule.take(get('/x'))).toBe(first);
    expect(schedule.take(get('/x'))).toBe(second);
    expect(schedule.take(get('/x'))).toBeUndefined();
    expect(schedule.size).toBe(1);
  });

  test("a check's rule hits only that check's requests, and clearing one check's rules leaves the others'", () => {
    const schedule = createSchedule();
    const mine: Fault = { kind: 'status', status: 503 };
    const theirs: Fault = { kind: 'status', status: 500 };
    schedule.add({ match: { operationId: 'createPayout', check: '7' }, fault: mine });
    schedule.add({ match: { operationId: 'createPayout', check: '8' }, fault: theirs });
    expect(schedule.take(get('/payouts', 'createPayout'))).toBeUndefined();
    expect(schedule.take(get('/payouts', 'createPayout', '9'))).toBeUndefined();
    expect(schedule.take(get('/payouts', 'createPayout', '8'))).toBe(theirs);
    schedule.add({ match: { check: '8' }, fault: theirs });
    schedule.clear('7');
    expect(schedule.take(get('/payouts', 'createPayout', '7'))).toBeUndefined();
    expect(schedule.pending()).toEqual([{ rule: { match: { check: '8' }, fault: theirs }, remaining: 1 }]);
  });

  test('counts down times and removes a used-up rule', () => {
    const schedule = createSchedule();
    schedule.add({ times: 3, fault: hang });
    schedule.take(get('/x'));
    expect(schedule.pending()).toEqual([{ rule: { times: 3, fault: hang }, remaining: 2 }]);
    schedule.take(get('/x'));
    schedule.take(get('/x'));
    expect(schedule.pending()).toEqual([]);
  });

  test.each<[string, FaultRule, RegExp]>([
    ['times 0', { times: 0, fault: hang }, /times must be an integer >= 1/],
    ['fractional times', { times: 1.5, fault: hang }, /times/],
    ['unknown kind', { fault: { kind: 'timeout' } as unknown as Fault }, /kind must be one of "latency", "status"/],
    ['missing fault', { fault: undefined as unknown as Fault }, /kind must be one of/],
    ['status 404', { fault: { kind: 'status', status: 404 as 500 } }, /status must be one of 429, 500, 502, 503, 504; got 404/],
    ['fractional Retry-After', { fault: { kind: 'status', status: 429, retryAfter: 1.5 } }, /integer >= 0/],
    ['latency when', { fault: { kind: 'latency', ms: 1, when: 'after' as 'before-forward' } }, /"before-forward", "before-respond"/],
    ['negative latency', { fault: { kind: 'latency', ms: -1, when: 'before-forward' } }, /ms must be/],
    ['reset when', { fault: { kind: 'reset', when: 'before-respond' as 'after-forward' } }, /"before-forward", "after-forward"/],
    ['afterBytes', { fault: { kind: 'stall-body', afterBytes: -1 } }, /afterBytes/],
    ['path type', { match: { path: 42 as unknown as string }, fault: hang }, /match.path/],
  ])('refuses %s with a message naming the field', (_name, rule, message) => {
    const schedule = createSchedule();
    expect(() => schedule.add(rule)).toThrow(message);
    expect(schedule.size).toBe(0);
  });
});

describe('matches', () => {
  test('no match matches everything', () => {
    expect(matches({ fault: hang }, get('/anything'))).toBe(true);
  });

  test('every given field must match', () => {
    const rule: FaultRule = { match: { method: 'Post', path: '/payouts', operationId: 'createPayout' }, fault: hang };
    expect(matches(rule, { method: 'POST', pathname: '/payouts', operationId: 'createPayout' })).toBe(true);
    expect(matches(rule, { method: 'GET', pathname: '/payouts', operationId: 'createPayout' })).toBe(false);
    expect(matches(rule, { method: 'POST', pathname: '/payouts/1', operationId: 'createPayout' })).toBe(false);
    expect(matches(rule, { method: 'POST', pathname: '/payouts', operationId: undefined })).toBe(false);
  });

  test('a RegExp is tested from the start each time, even with /g', () => {
    const rule: FaultRule = { match: { path: /^\/payouts\/\w+$/g }, fault: hang };
    expect(matches(rule, get('/payouts/a'))).toBe(true);
    expect(matches(rule, get('/payouts/b'))).toBe(true);
    expect(matches(rule, get('/refunds/b'))).toBe(false);
  });
});
