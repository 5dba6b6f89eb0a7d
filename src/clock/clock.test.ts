import { describe, expect, test } from 'vitest';
import { createClock } from './clock.ts';

describe('createClock', () => {
  test('converts between profile and real units with the scale', () => {
    const clock = createClock({ scale: 0.01 });
    expect(clock.scale).toBe(0.01);
    expect(clock.toReal(10_000)).toBe(100);
    expect(clock.toScaled(100)).toBe(10_000);
  });

  test('defaults to scale 1 and now() close to Date.now()', () => {
    const clock = createClock();
    expect(clock.scale).toBe(1);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1_000);
  });

  test.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects scale %s', (scale) => {
    expect(() => createClock({ scale })).toThrow(RangeError);
  });

  test('sleep waits ms * scale of real time, and now() moves in profile units', async () => {
    const clock = createClock({ scale: 0.001 });
    const before = clock.now();
    const t0 = performance.now();
    await clock.sleep(100_000); // 100 s profile = 100 ms real
    const real = performance.now() - t0;
    // Lower bounds only: a loaded machine can make timers late, never early (1 ms slack for rounding).
    expect(real).toBeGreaterThanOrEqual(99);
    expect(clock.now() - before).toBeGreaterThanOrEqual(99_000);
  });

  test('sleep rejects with the abort reason', async () => {
    const clock = createClock({ scale: 1 });
    const ac = new AbortController();
    const sleeping = clock.sleep(60_000, ac.signal);
    ac.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
  });

  test('a negative sleep resolves at once, NaN is refused', async () => {
    const clock = createClock({ scale: 1 });
    await expect(clock.sleep(-5)).resolves.toBeUndefined();
    await expect(clock.sleep(Number.NaN)).rejects.toThrow(RangeError);
  });
});
