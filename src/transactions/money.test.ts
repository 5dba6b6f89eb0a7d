import { describe, expect, it } from 'vitest';
import { currencyExponents } from './currencies.ts';
import { formatMoney, moneyDisagreement, moneyProblem } from './money.ts';

const table = currencyExponents();

describe('minor units with the ISO 4217 exponent', () => {
  it.each([
    ['BRL', 1500, 'BRL 15.00 (1500)'],
    ['SGD', 5, 'SGD 0.05 (5)'],
    ['EUR', 123456, 'EUR 1234.56 (123456)'],
    ['JPY', 1500, 'JPY 1500 (1500)'],
    ['BHD', 1500, 'BHD 1.500 (1500)'],
    ['USD', -250, 'USD -2.50 (-250)'],
    ['GBP', 0, 'GBP 0.00 (0)'],
  ])('%s %d reads %s', (currency, amount, text) => {
    expect(formatMoney({ amount, currency }, table)).toBe(text);
  });

  it('ships the exponents the issue names', () => {
    expect(Object.fromEntries(['BRL', 'SGD', 'EUR', 'JPY', 'BHD', 'USD', 'GBP'].map((c) => [c, table.get(c)]))).toEqual({ BRL: 2, SGD: 2, EUR: 2, JPY: 0, BHD: 3, USD: 2, GBP: 2 });
  });

  it('refuses fractions and unknown currencies', () => {
    expect(moneyProblem({ amount: 15.5, currency: 'BRL' }, table)).toMatch(/not an integer of minor units of BRL/);
    expect(moneyProblem({ amount: 1500, currency: 'XXX' }, table)).toMatch(/not an ISO 4217 code/);
    expect(moneyProblem({ amount: 1500, currency: 'JPY' }, table)).toBeUndefined();
  });

  it('says both sides of a disagreement, rendered', () => {
    expect(moneyDisagreement({ amount: 1500, currency: 'BRL' }, { amount: 1501, currency: 'BRL' }, table)).toBe('BRL 15.01 (1501) where BRL 15.00 (1500) was due');
    expect(moneyDisagreement({ amount: 1500, currency: 'JPY' }, { amount: 1500, currency: 'JPY' }, table)).toBeUndefined();
  });
});
