import { jsonAnswer } from './answer.ts';
import type { Answer } from './answer.ts';

/**
 * The header on an answer the simulator gives outside the contract it serves because the contract leaves it no
 * documented way (an error status the operation does not document, a schema no body can satisfy). The contract
 * family reads it, from the embedded simulator only, as railgate's trouble and never as the partner's.
 */
export const LIMITATION_HEADER = 'railgate-simulator';
const LIMITATION = 'limitation';
const LIMITATION_CODE = 'SIMULATOR_LIMITATION';

/** Whether an answer carries the mark (header names lower-cased, as the exchange ledger keeps them). */
export function isLimitation(headers: Readonly<Record<string, string>>): boolean {
  return headers[LIMITATION_HEADER] === LIMITATION;
}

const INVENTED_CODE = 'invented-code';

/**
 * The mark on an error answer whose partner code the simulator made up: the contract gave it no code the profile
 * maps for what it had to say (Adyen's contracts list no values of /errorCode), so it says one the schema allows.
 * A check reads that code, from the embedded simulator only, as railgate's, never as a partner's unmapped code.
 */
export function inventedCodeHeaders(): Record<string, string> {
  return { [LIMITATION_HEADER]: INVENTED_CODE };
}

/** Whether an answer's partner code is one the simulator made up (inventedCodeHeaders). */
export function isInventedCode(headers: Readonly<Record<string, string>>): boolean {
  return headers[LIMITATION_HEADER] === INVENTED_CODE;
}

/** The headers that mark an answer as a simulator limitation. */
export function limitationHeaders(): Record<string, string> {
  return { [LIMITATION_HEADER]: LIMITATION };
}

/** The 501 the simulator answers when the contract documents no status for what it must say, and why. */
export function limitationAnswer(reason: string): Answer {
  return jsonAnswer({ error: { code: LIMITATION_CODE, message: reason } }, 501, limitationHeaders());
}

/** What a marked 501 says the simulator could not do; undefined for any other body. */
export function limitationMessage(body: unknown): string | undefined {
  const error = typeof body === 'object' && body !== null ? (body as { error?: { code?: unknown; message?: unknown } }).error : undefined;
  return error?.code === LIMITATION_CODE && typeof error.message === 'string' ? error.message : undefined;
}
