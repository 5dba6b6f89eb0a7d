import { describe, expect, test } from 'vitest';
import { isSuccess, statusClass, statusRule } from './status.ts';

describe('statusRule', () => {
  const rules = { '401': 'AUTHENTICATION_FAILED', '4xx': 'VALIDATION_FAILED', '5XX': 'PARTNER_UNAVAILABLE' };

  test('an exact status wins over its class', () => {
    expect(statusRule(rules, 401)).toBe('AUTHENTICATION_FAILED');
    expect(statusRule(rules, 404)).toBe('VALIDATION_FAILED');
  });

  test('classes match in either case', () => {
    expect(statusRule(rules, 503)).toBe('PARTNER_UNAVAILABLE');
    expect(statusRule({ '5xx': 'TIMEOUT' }, 504)).toBe('TIMEOUT');
  });

  test('no rule, no value', () => {
    expect(statusRule(rules, 302)).toBeUndefined();
    expect(statusRule({}, 500)).toBeUndefined();
  });
});

test('isSuccess is 2xx only', () => {
  expect([199, 200, 204, 299, 300, 404].map(isSuccess)).toEqual([false, true, true, true, false, false]);
});

test('statusClass reads the class digit', () => {
  expect([statusClass(503), statusClass('4xx'), statusClass('422')]).toEqual([5, 4, 4]);
});
