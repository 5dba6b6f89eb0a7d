import { describe, expect, it } from 'vitest';
import { createHostCheck, unlessAborted } from './host-check.ts';

describe('createHostCheck', () => {
  it('needs no lookup for IP literals, resolves names, refuses what does not resolve', async () => {
    const resolves = createHostCheck();
    expect(await resolves('http://127.0.0.1:9/hooks')).toBe(true);
    expect(await resolves('http://[::1]:9/hooks')).toBe(true);
    expect(await resolves('http://localhost:9/hooks')).toBe(true);
    expect(await resolves('https://nowhere.invalid/hooks')).toBe(false);
  });

  it('asks once per host however many deliveries go there', () => {
    const resolves = createHostCheck();
    const first = resolves('https://merchant.invalid/a');
    expect(resolves('https://merchant.invalid/b?x=1')).toBe(first);
    expect(resolves('https://other.invalid/a')).not.toBe(first);
  });
});

describe('unlessAborted', () => {
  it('stops waiting for a lookup when the signal aborts', async () => {
    const never = new Promise<boolean>(() => undefined);
    expect(await unlessAborted(never, AbortSignal.timeout(20))).toBe(false);
    expect(await unlessAborted(Promise.resolve(true), new AbortController().signal)).toBe(true);
  });
});
