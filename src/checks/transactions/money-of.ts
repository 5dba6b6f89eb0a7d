import { getPointer } from '../../json/index.ts';
import { currencyExponents, moneyDisagreement } from '../../transactions/index.ts';
import type { CreatedTx } from './create.ts';

/**
 * Whether `body` states the money railgate asked for, at the given pointers; the difference as words, else
 * undefined. Only what the create request stated is compared: a request that named no amount (a void, a capture
 * of the whole, a guessed pointer the request does not have) asked for none, so no answer can contradict it.
 */
export function moneyDiffers(tx: CreatedTx, body: unknown, pointers: { amount?: string; currency?: string }): string | undefined {
  const amountAt = tx.amount === undefined ? undefined : pointers.amount;
  const currencyAt = tx.currency === undefined ? undefined : pointers.currency;
  if (amountAt === undefined && currencyAt === undefined) return undefined;
  const expected = { amount: amountAt ? tx.amount : undefined, currency: currencyAt ? tx.currency : undefined };
  const got = { amount: amountAt ? getPointer(body, amountAt) : undefined, currency: currencyAt ? getPointer(body, currencyAt) : undefined };
  return moneyDisagreement(expected, got, currencyExponents());
}
