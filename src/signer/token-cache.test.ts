import { describe, expect, it } from 'vitest';
import { cachedTokenSource } from './token-cache.ts';

describe('the OAuth2 token cache', () => {
  it('fetches once, reuses until shortly before expiry, and fetches again after invalidate()', async () => {
    let now = 0;
    let fetched = 0;
    const source = cachedTokenSource(async () => ({ token: `t${++fetched}`, expiresInSeconds: 60 }), () => now);
    expect(await Promise.all([source.token(), source.token()])).toEqual(['t1', 't1']);
    now = 50_000;
    expect(await source.token()).toBe('t1');
    now = 56_000; // within the 5 s refresh margin
    expect(await source.token()).toBe('t2');
    source.invalidate();
    expect(source.current()).toBeUndefined();
    expect(await source.token()).toBe('t3');
  });

  it('keeps a token without expires_in until it is invalidated', async () => {
    let fetched = 0;
    const source = cachedTokenSource(async () => ({ token: `t${++fetched}` }), () => Date.now());
    await source.token();
    expect(await source.token()).toBe('t1');
  });
});
