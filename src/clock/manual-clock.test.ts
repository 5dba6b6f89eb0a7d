import { describe, expect, test } from 'vitest';
import { createManualClock } from './manual-clock.ts';

describe('createManualClock', () => {
  test('now() moves only on advance()', () => {
    const clock = createManualClock({ start: 1_000 });
    expect(clock.now()).toBe(1_000);
    clock.advance(250);
    expect(clock.now()).toBe(1_250);
  });

  test('wakes sleepers once their deadline is reached, earliest first', async () => {
    const clock = createManualClock();
    const woke: string[] = [];
    const a = clock.sleep(300).then(() => woke.push('a'));
    const b = clock.sleep(100).then(() => woke.push('b'));
    const c = clock.sleep(100).then(() => woke.push('c'));
    expect(clock.pending()).toBe(3);

    clock.advance(99);
    await Promise.resolve();
    expect(woke).toEqual([]);

    clock.advance(1);
    await Promise.all([b, c]);
    expect(woke).toEqual(['b', 'c']);
    expect(clock.pending()).toBe(1);

    clock.advance(1_000);
    await a;
    expect(woke).toEqual(['b', 'c', 'a']);
    expect(clock.pending()).toBe(0);
  });

  test('abort rejects and forgets the sleeper', async () => {
    const clock = createManualClock();
    const ac = new AbortController();
    const sleeping = clock.sleep(100, ac.signal);
    ac.abort(new Error('gone'));
    await expect(sleeping).rejects.toThrow('gone');
    expect(clock.pending()).toBe(0);
    await expect(clock.sleep(1, ac.signal)).rejects.toThrow('gone');
  });

  test('zero sleep resolves at once; scale only converts', async () => {
    const clock = createManualClock({ scale: 0.5 });
    await expect(clock.sleep(0)).resolves.toBeUndefined();
    expect(clock.toReal(10)).toBe(5);
    expect(clock.toScaled(5)).toBe(10);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});
