import { describe, expect, test } from 'vitest';
import { createRng } from '../random/index.ts';
import { backoffDelay } from './backoff.ts';

const fixed = (x: number) => ({ next: () => x });

describe('backoffDelay', () => {
  test('grows exponentially from the base and stops at the cap (no jitter)', () => {
    const b = { baseMs: 500, capMs: 8000, jitter: 'none' as const };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, b, fixed(0)))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  test('full jitter draws in [0, d), equal jitter in [d/2, d)', () => {
    const full = { baseMs: 1000, capMs: 60_000, jitter: 'full' as const };
    const equal = { ...full, jitter: 'equal' as const };
    expect(backoffDelay(3, full, fixed(0))).toBe(0);
    expect(backoffDelay(3, full, fixed(0.999))).toBe(3996);
    expect(backoffDelay(3, equal, fixed(0))).toBe(2000);
    expect(backoffDelay(3, equal, fixed(0.5))).toBe(3000);
  });

  test('a seeded rng gives the same waits run after run', () => {
    const b = { baseMs: 250, capMs: 4000, jitter: 'full' as const };
    const run = () => {
      const rng = createRng(42).fork('retry-jitter');
      return [1, 2, 3, 4, 5].map((n) => backoffDelay(n, b, rng));
    };
    expect(run()).toEqual(run());
    expect(run().every((d, i) => d >= 0 && d < Math.min(4000, 250 * 2 ** i))).toBe(true);
  });

  test('a thousand retries never overflow into NaN or Infinity', () => {
    expect(backoffDelay(1000, { baseMs: 500, capMs: 30_000, jitter: 'none' }, fixed(0))).toBe(30_000);
  });
});
