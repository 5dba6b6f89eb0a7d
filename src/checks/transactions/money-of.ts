import { getPointer } from '../../json/index.ts';
import { currencyExponents, moneyDisagreement } from '../../transactions/index.ts';
import type { CreatedTx } from './create.ts';

/** Whether `body` states the money railgate asked for, at the given pointers; the difference as words, else undefined. */
export function moneyDiffers(tx: CreatedTx, body: unknown, pointers: { amount?: string; currency?: string }): string | undefined {
  if (pointers.amount === undefined && pointers.currency === undefined) return undefined;
  const expected = { amount: pointers.amount ? tx.amount : undefined, currency: pointers.currency ? tx.currency : undefined };
  const got = { amount: pointers.amount ? getPointer(body, pointers.amount) : undefined, currency: pointers.currency ? getPointer(body, pointers.currency) : undefined };
  return moneyDisagreement(expected, got, currencyExponents());
}
