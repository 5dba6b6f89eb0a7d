import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprintBody } from './fingerprint.ts';

describe('fingerprintBody', () => {
  it('is the same for the same body whatever the key order, at every depth', () => {
    const a = { amount: 1500, creditor: { pixKey: 'k', pixKeyType: 'EMAIL' }, currency: 'BRL' };
    const b = { currency: 'BRL', creditor: { pixKeyType: 'EMAIL', pixKey: 'k' }, amount: 1500 };
    expect(fingerprintBody(a)).toBe(fingerprintBody(b));
    expect(canonicalJson(b)).toBe('{"amount":1500,"creditor":{"pixKey":"k","pixKeyType":"EMAIL"},"currency":"BRL"}');
  });

  it('differs for another amount, another type, another array order', () => {
    const base = fingerprintBody({ amount: 1500, tags: ['a', 'b'] });
    expect(fingerprintBody({ amount: 1501, tags: ['a', 'b'] })).not.toBe(base);
    expect(fingerprintBody({ amount: '1500', tags: ['a', 'b'] })).not.toBe(base);
    expect(fingerprintBody({ amount: 1500, tags: ['b', 'a'] })).not.toBe(base);
  });

  it('treats an absent field and an undefined one alike, and null apart', () => {
    expect(fingerprintBody({ a: 1, b: undefined })).toBe(fingerprintBody({ a: 1 }));
    expect(fingerprintBody({ a: 1, b: null })).not.toBe(fingerprintBody({ a: 1 }));
  });

  it('gives a body-less request a fingerprint of its own, a sha256 in hex', () => {
    expect(fingerprintBody(undefined)).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintBody(undefined)).not.toBe(fingerprintBody({}));
  });
});
