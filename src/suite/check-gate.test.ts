import { describe, expect, it } from 'vitest';
import { checkGate, runsBeside } from './check-gate.ts';

/** A piece of work that records when it starts and ends, and ends only when told. */
function work(log: string[], name: string) {
  let end!: () => void;
  const done = new Promise<void>((r) => (end = r));
  return {
    run: async () => {
      log.push(`+${name}`);
      await done;
      log.push(`-${name}`);
      return name;
    },
    end: () => end(),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('checkGate', () => {
  it('runs at most `limit` shared pieces at once, the next starting as one ends', async () => {
    const log: string[] = [];
    const gate = checkGate(2);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => work(log, n)) as [ReturnType<typeof work>, ReturnType<typeof work>, ReturnType<typeof work>];
    const all = Promise.all([gate.shared(a.run), gate.shared(b.run), gate.shared(c.run)]);
    await tick();
    expect(log).toEqual(['+a', '+b']);
    b.end();
    await tick();
    expect(log).toEqual(['+a', '+b', '-b', '+c']);
    a.end();
    c.end();
    expect(await all).toEqual(['a', 'b', 'c']);
  });

  it('runs alone work with nothing beside it: it waits for the running ones, and later shared work waits for it', async () => {
    const log: string[] = [];
    const gate = checkGate(3);
    const a = work(log, 'a');
    const x = work(log, 'x');
    const b = work(log, 'b');
    const pa = gate.shared(a.run);
    const px = gate.alone(x.run);
    const pb = gate.shared(b.run);
    await tick();
    expect(log).toEqual(['+a']);
    a.end();
    await tick();
    expect(log).toEqual(['+a', '-a', '+x']);
    x.end();
    await tick();
    expect(log).toEqual(['+a', '-a', '+x', '-x', '+b']);
    b.end();
    await Promise.all([pa, px, pb]);
  });

  it('frees its place when the work throws', async () => {
    const gate = checkGate(1);
    await expect(gate.shared(() => Promise.reject(new Error('broke')))).rejects.toThrow('broke');
    await expect(gate.alone(() => Promise.reject(new Error('broke too')))).rejects.toThrow('broke too');
    expect(await gate.shared(() => Promise.resolve('ran'))).toBe('ran');
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    expect(() => checkGate(0)).toThrow(/at least 1/);
    expect(() => checkGate(1.5)).toThrow(/at least 1/);
  });
});

describe('runsBeside', () => {
  it('is true only for an independent check that judges no run-wide whole, where more than one may run', () => {
    expect(runsBeside({ independent: true }, 4)).toBe(true);
    expect(runsBeside({ independent: true }, 1)).toBe(false);
    expect(runsBeside({}, 4)).toBe(false);
    expect(runsBeside({ independent: true, runsLast: true }, 4)).toBe(false);
  });
});
