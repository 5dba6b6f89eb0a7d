import { describe, expect, it } from 'vitest';
import { RunBoundReached, boundSpec, startRunBound } from './run-bound.ts';

describe('boundSpec', () => {
  const profile = { runTimeout: '20m', environments: { sandbox: { runTimeout: '5m' } } };

  it('--max-time over the environment’s runTimeout over the profile’s over the default 30m', () => {
    expect(boundSpec(profile, 'sandbox', { ms: 10_000, from: 1000, text: '10s' })).toEqual({ ms: 10_000, source: '--max-time 10s', from: 1000 });
    expect(boundSpec(profile, 'sandbox')).toEqual({ ms: 300_000, source: 'environments.sandbox.runTimeout 5m' });
    expect(boundSpec(profile, 'simulator')).toEqual({ ms: 1_200_000, source: 'runTimeout 20m' });
    expect(boundSpec({ environments: {} }, 'sandbox')).toEqual({ ms: 1_800_000, source: 'the default runTimeout 30m' });
  });
});

describe('startRunBound', () => {
  it('lets work that ends in time end as it does', async () => {
    const bound = startRunBound({ ms: 60_000, source: '--max-time 1m' });
    await expect(bound.race('this check', async () => 'done')).resolves.toBe('done');
    await expect(bound.race('this check', async () => Promise.reject(new TypeError('x')))).rejects.toBeInstanceOf(TypeError);
    expect(bound.signal.aborted).toBe(false);
  });

  it('ends work still running at the bound, aborts its signal, and refuses work not started', async () => {
    const bound = startRunBound({ ms: 20, source: '--max-time 20ms' });
    const never = new Promise<never>(() => undefined);
    await expect(bound.race('this check', () => never)).rejects.toThrow(new RunBoundReached('not finished: the run reached its bound (--max-time 20ms) while this check was running'));
    expect(bound.signal.reason).toMatchObject({ code: 'RUN_BOUND', name: 'RunBoundReached' });
    expect(() => bound.check('this check')).toThrow('not run: the run reached its bound (--max-time 20ms) before this check started');
  });

  it('counts from the command’s start when one is given: a bound already past refuses at once', () => {
    const bound = startRunBound({ ms: 1000, source: '--max-time 1s', from: 0 }, 5000);
    return new Promise<void>((resolve) => bound.signal.addEventListener('abort', () => resolve()));
  });
});
