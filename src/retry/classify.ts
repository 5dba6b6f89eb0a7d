import { extractPartnerCode } from '../errors/index.ts';
import type { CodeLocation, RetryClass } from '../errors/index.ts';
import type { Exchange } from '../http/model.ts';
import type { RetryPolicy } from './policy.ts';
import type { NetworkFailure } from './spec.ts';

export type AttemptVerdict =
  | { kind: 'success'; reason: string }
  /** Worth another attempt; `retryAfter` is the raw header when the answer carried one. */
  | { kind: 'retryable'; reason: string; retryAfter?: string }
  | { kind: 'final'; reason: string }
  /** The call's overall deadline cut the attempt short. */
  | { kind: 'deadline'; reason: string };

/** How partner codes are judged: where the code sits, and its retry class from `errors.map` (and the vocabulary). */
export interface CodeRules {
  location?: CodeLocation;
  retryClassOf(code: string): RetryClass | undefined;
}

const NETWORK: Record<string, NetworkFailure> = {
  ECONNREFUSED: 'refused',
  UND_ERR_CONNECT_TIMEOUT: 'refused',
  ENOTFOUND: 'refused',
  EAI_AGAIN: 'refused',
  EHOSTUNREACH: 'refused',
  ENETUNREACH: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
};

/** Pure: a transport error code as a network failure class, when it is one. */
export function networkFailure(code: string): NetworkFailure | undefined {
  return NETWORK[code];
}

/**
 * Pure: what one attempt's outcome means for the next. A code mapped `never` wins over a retried status:
 * the partner said the same request fails the same way. The overall deadline ends the call whatever the policy.
 */
export function classifyAttempt(exchange: Pick<Exchange, 'response' | 'error'>, policy: RetryPolicy, codes: CodeRules): AttemptVerdict {
  const { response, error } = exchange;
  if (!response) {
    const code = error?.code ?? 'ERROR';
    if (code === 'DEADLINE') return { kind: 'deadline', reason: error?.message ?? 'the deadline passed' };
    const failure = networkFailure(code);
    if (failure && policy.network.has(failure)) return { kind: 'retryable', reason: `network ${failure} (${code}) is retried` };
    return { kind: 'final', reason: failure ? `network ${failure} (${code}) is not retried by this policy` : `transport error ${code} is not retried` };
  }
  const { status } = response;
  if (status < 400) return { kind: 'success', reason: `answered ${status}` };
  const partnerCode = codes.location ? extractPartnerCode(response.body ?? response.bodyText, codes.location).code : undefined;
  const label = partnerCode ? `${status} ${partnerCode}` : `${status}`;
  const retryAfter = response.headers['retry-after'];
  const retryable = (reason: string): AttemptVerdict => ({ kind: 'retryable', reason, ...(retryAfter !== undefined && { retryAfter }) });
  if (partnerCode && codes.retryClassOf(partnerCode) === 'never') return { kind: 'final', reason: `${label}: code ${partnerCode} is mapped never-retry` };
  if (partnerCode && policy.codes.has(partnerCode)) return retryable(`${label}: code ${partnerCode} is retried`);
  if (policy.statuses.has(status)) return retryable(`${label}: status ${status} is retried`);
  return { kind: 'final', reason: `${label} is not retried` };
}
