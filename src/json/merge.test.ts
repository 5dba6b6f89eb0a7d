import { describe, expect, it } from 'vitest';
import { findMismatch, mergeOver } from './merge.ts';
import { getPointer, setPointer, toPointer } from './pointer.ts';

describe('mergeOver', () => {
  it('merges objects deeply, replaces arrays and scalars, deletes on null, never mutates', () => {
    const base = { amount: 1, creditor: { pixKey: 'a', name: 'x' }, tags: [1, 2] };
    const out = mergeOver(base, { creditor: { pixKey: 'b', name: null }, tags: [3] });
    expect(out).toEqual({ amount: 1, creditor: { pixKey: 'b' }, tags: [3] });
    expect(base.creditor.name).toBe('x');
  });
});

describe('findMismatch', () => {
  it('matches objects as subsets and reports the first difference by pointer', () => {
    expect(findMismatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } })).toBeUndefined();
    expect(findMismatch({ a: 1, b: { c: 2 } }, { b: { c: 3 } })).toEqual({ at: '/b/c', expected: 3, actual: 2 });
    expect(findMismatch([{ id: 'x' }, { id: 'y' }], [{ id: 'x' }, { id: 'z' }])).toEqual({ at: '/1/id', expected: 'z', actual: 'y' });
  });

  it('is strict about types: a drifted "1500" is not 1500', () => {
    expect(findMismatch({ amount: '1500' }, { amount: 1500 })).toEqual({ at: '/amount', expected: 1500, actual: '1500' });
  });
});

describe('pointers', () => {
  it('reads and writes with RFC 6901 escapes, and accepts dotted paths', () => {
    const doc: Record<string, unknown> = {};
    setPointer(doc, '/a~1b/c~0d', 1);
    expect(doc).toEqual({ 'a/b': { 'c~d': 1 } });
    expect(getPointer(doc, '/a~1b/c~0d')).toBe(1);
    expect(toPointer('error.code')).toBe('/error/code');
    expect(toPointer('/error/code')).toBe('/error/code');
  });
});
