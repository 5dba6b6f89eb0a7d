import { CheckFailure } from '../model.ts';
import { describe, isSuccess } from './answer.ts';
import type { Answer } from './answer.ts';

/**
 * A check that needs a first transaction cannot judge anything when the partner refuses the contract's own
 * example: that is a setup problem (credentials, example, sandbox data), reported as such.
 */
export function mustSucceed(a: Answer, what: string): Answer {
  if (!isSuccess(a)) throw new CheckFailure(`${what} (the contract's example) was answered ${describe(a)}: nothing to judge idempotency against`, { kind: 'configuration' });
  return a;
}
