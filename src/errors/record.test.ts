import { expect, test } from 'vitest';
import { isRecord, ownValue } from './record.ts';

test('isRecord accepts plain objects only', () => {
  expect([{}, [], null, 'x', 1].map(isRecord)).toEqual([true, false, false, false, false]);
});

test('ownValue ignores the prototype chain', () => {
  expect(ownValue({ a: 1 }, 'a')).toBe(1);
  expect(ownValue({ a: 1 }, 'toString')).toBeUndefined();
  expect(ownValue({ a: 1 }, 'constructor')).toBeUndefined();
});
