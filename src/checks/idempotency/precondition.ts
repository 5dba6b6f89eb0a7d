import type { Operation } from '../../contract/index.ts';
import type { IdempotencyAnswer } from '../../idempotency/index.ts';
import { documentedErrorStatus } from '../../simulator/error-status.ts';
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

/**
 * The profile's answer for a case must be one the contract lets the operation give: a status it documents (or a
 * `4XX` / `default` it falls under). Else the profile (a default or a guess `railgate init` left as a TODO) expects
 * what the partner's documented answer cannot be, and judging the partner by it would blame the partner for
 * railgate's guess: the check is broken as a configuration error, naming the status the contract does document.
 */
export function mustBeDocumented(op: Operation, answer: IdempotencyAnswer | 'accepted' | 'replay', key: 'missingKey' | 'mismatch' | 'inFlight'): void {
  if (typeof answer === 'string') return;
  const said = documentedErrorStatus(op, answer.status);
  if ('status' in said && said.status === answer.status) return;
  const instead = 'status' in said ? `it documents ${said.status} for that` : said.limitation;
  throw new CheckFailure(`the profile expects idempotency.answers.${key} ${answer.status}, which ${op.id} does not document (${instead}): settle idempotency.answers.${key} in the profile; the partner cannot be judged by an answer its contract does not give`, { kind: 'configuration' });
}
