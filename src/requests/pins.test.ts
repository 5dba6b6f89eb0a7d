import { describe, expect, it } from 'vitest';
import { applyPin } from './pins.ts';

describe('applyPin', () => {
  const generated = { params: { paymentId: 'pay-fixture-1' }, query: { status: 'pending', since: '2026-01-01T00:00:00Z' }, headers: { 'x-request-id': 'r-1' }, body: { amount: 150, method: { type: 'card', number: '4000000000000002' }, note: 'x' } };

  it('merges the body deep, replaces parameters and headers, and removes what is pinned to null', () => {
    const pinned = applyPin(generated, {
      body: { method: { holder: 'A. Klaassen' }, note: null },
      params: { paymentId: 'pay_123' },
      query: { since: null, merchant: 'M1' },
      headers: { 'X-Request-Id': 'fixed', 'X-Tenant': 'eu' },
    });
    expect(pinned).toEqual({
      params: { paymentId: 'pay_123' },
      query: { status: 'pending', merchant: 'M1' },
      headers: { 'x-request-id': 'fixed', 'x-tenant': 'eu' },
      body: { amount: 150, method: { type: 'card', number: '4000000000000002', holder: 'A. Klaassen' } },
    });
  });

  it('leaves the request as it was without a pin, and gives a body where there was none', () => {
    expect(applyPin(generated, undefined)).toBe(generated);
    expect(applyPin({ params: {}, query: {}, headers: {} }, { body: { merchantAccount: 'RG' } }).body).toEqual({ merchantAccount: 'RG' });
    expect(generated.body.note).toBe('x');
  });
});
