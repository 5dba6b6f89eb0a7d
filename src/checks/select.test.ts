import { describe, expect, it } from 'vitest';
import { checkSelected, parseShard, selectPartners } from './select.ts';

const partner = (id: string, rails: string[]) => ({ id, profile: { rails } }) as never as { id: string; profile: { rails: string[] } };
const P = [partner('pixpay', ['BR-PIX']), partner('eurocard', ['EU-CARDS']), partner('lionbank', ['SG-PAYNOW']), partner('acme', ['BR-PIX', 'EU-CARDS'])];
const ids = (ps: { id: string }[]) => ps.map((p) => p.id);

describe('selectPartners', () => {
  it('keeps the partners serving a rail', () => {
    expect(ids(selectPartners(P as never, { rail: 'BR-PIX' }))).toEqual(['acme', 'pixpay']);
  });

  it('deals partners to shards in id order, each partner in exactly one shard', () => {
    const shards = [1, 2, 3].map((index) => ids(selectPartners(P as never, { shard: { index, count: 3 } })));
    expect(shards).toEqual([['acme', 'pixpay'], ['eurocard'], ['lionbank']]);
    expect(shards.flat().sort()).toEqual(ids(selectPartners(P as never, {})).sort());
  });
});

describe('checkSelected', () => {
  const check = { name: 'createPayout rejects a body changed after signing', family: 'auth' as const, tags: ['forgery', 'signature'] };
  it('matches --grep against the name vitest shows: partner, family, check', () => {
    expect(checkSelected('pixpay', check, { grep: '^pixpay auth createPayout' })).toBe(true);
    expect(checkSelected('pixpay', check, { grep: 'lionbank' })).toBe(false);
  });

  it('keeps checks with any of the tags', () => {
    expect(checkSelected('pixpay', check, { tags: ['timeout', 'signature'] })).toBe(true);
    expect(checkSelected('pixpay', check, { tags: ['timeout'] })).toBe(false);
  });

  it('keeps a scenario only on its own rail, generated checks on every rail', () => {
    expect(checkSelected('acme', { ...check, rail: 'EU-CARDS' }, { rail: 'BR-PIX' })).toBe(false);
    expect(checkSelected('acme', { ...check, rail: 'BR-PIX' }, { rail: 'BR-PIX' })).toBe(true);
    expect(checkSelected('acme', check, { rail: 'BR-PIX' })).toBe(true);
  });
});

describe('parseShard', () => {
  it.each([
    ['1/2', { index: 1, count: 2 }],
    ['2/2', { index: 2, count: 2 }],
    ['0/2', undefined],
    ['3/2', undefined],
    ['1-2', undefined],
  ])('%s', (text, want) => {
    expect(parseShard(text)).toEqual(want);
  });
});
