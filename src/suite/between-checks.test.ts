import { describe, expect, it } from 'vitest';
import { createClock, createVirtualClock } from '../clock/index.ts';
import { holdBetweenChecks } from './between-checks.ts';

describe('holdBetweenChecks', () => {
  it('refuses a second check at once on the virtual clock, and runs the next one after', async () => {
    const time = holdBetweenChecks(createVirtualClock());
    let end!: () => void;
    const first = time.run(() => new Promise<void>((r) => (end = r)));
    await expect(time.run(async () => 'second')).rejects.toThrow(/two checks at once on the virtual clock/);
    end();
    await first;
    expect(await time.run(async () => 'next')).toBe('next');
  });

  it('lets checks run side by side on a wall clock', async () => {
    const time = holdBetweenChecks(createClock());
    expect(await Promise.all([time.run(async () => 1), time.run(async () => 2)])).toEqual([1, 2]);
  });
});
