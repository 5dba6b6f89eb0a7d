import type { ExponentTable } from './currencies.ts';

/** An amount as the partner states it: an integer of minor units in an ISO 4217 currency. */
export interface Money {
  amount?: unknown;
  currency?: unknown;
}

/** What is wrong with one side's money, or undefined: a fractional or non-numeric amount, an unknown currency. */
export function moneyProblem(m: Money, table: ExponentTable): string | undefined {
  if (typeof m.currency !== 'string' || !table.has(m.currency)) return `currency ${JSON.stringify(m.currency)} is not an ISO 4217 code railgate knows (vocabulary/iso4217.yaml)`;
  if (typeof m.amount !== 'number' || !Number.isSafeInteger(m.amount)) return `amount ${JSON.stringify(m.amount)} is not an integer of minor units of ${m.currency}`;
  return undefined;
}

/** `BRL 15.00 (1500)`, `JPY 1500 (1500)`, `BHD 1.500 (1500)`: for people, with the minor units kept for machines. */
export function formatMoney(m: Money, table: ExponentTable): string {
  const exp = typeof m.currency === 'string' ? table.get(m.currency) : undefined;
  if (exp === undefined || typeof m.amount !== 'number' || !Number.isSafeInteger(m.amount)) return `${String(m.currency)} ${JSON.stringify(m.amount)}`;
  const sign = m.amount < 0 ? '-' : '';
  const digits = String(Math.abs(m.amount)).padStart(exp + 1, '0');
  const major = exp === 0 ? digits : `${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
  return `${m.currency} ${sign}${major} (${m.amount})`;
}

/** Two sides agree when amount and currency are the same; the message names both, rendered. */
export function moneyDisagreement(expected: Money, got: Money, table: ExponentTable): string | undefined {
  if (expected.amount === got.amount && expected.currency === got.currency) return undefined;
  return `${formatMoney(got, table)} where ${formatMoney(expected, table)} was due`;
}
