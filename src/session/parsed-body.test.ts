import { describe, expect, it } from 'vitest';
import { withParsedBody } from './parsed-body.ts';

describe('withParsedBody', () => {
  it('parses a JSON body that writes back to the same bytes', () => {
    expect(withParsedBody({ method: 'POST', body: '{"amount":1500,"creditor":{"name":"Maria"}}' })).toEqual({ method: 'POST', body: { amount: 1500, creditor: { name: 'Maria' } } });
  });

  it('keeps the text when parsing would show another request: a decimal, spacing, a repeated key, not JSON', () => {
    for (const body of ['{"amount":1500.00}', '{ "amount": 1 }', '{"a":1,"a":2}', 'amount=1500', '"just a string"']) expect(withParsedBody({ body })).toEqual({ body });
    expect(withParsedBody({ method: 'GET' } as { method: string; body?: string })).toEqual({ method: 'GET' });
  });
});
