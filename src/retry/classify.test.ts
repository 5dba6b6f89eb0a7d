import { describe, expect, test } from 'vitest';
import type { Exchange } from '../http/model.ts';
import { classifyAttempt, networkFailure } from './classify.ts';
import type { CodeRules } from './classify.ts';
import type { RetryPolicy } from './policy.ts';

const policy: RetryPolicy = {
  operationId: 'createPayout',
  attempts: 4,
  backoff: { baseMs: 500, capMs: 8000, jitter: 'full' },
  statuses: new Set([429, 502, 503, 504]),
  codes: new Set(['TRY_AGAIN']),
  network: new Set(['refused', 'reset']),
  retryAfter: { honour: true, capMs: 30_000 },
  timeouts: { connectMs: 2000, headersMs: 10_000, bodyMs: 10_000, deadlineMs: 30_000 },
};
const codes: CodeRules = { location: { code: '/error/code' }, retryClassOf: (c) => ({ BROKE: 'never', TRY_AGAIN: 'safe' })[c] as never };

const answer = (status: number, body?: unknown, headers: Record<string, string> = {}): Pick<Exchange, 'response'> => ({ response: { status, headers, body, bodyText: JSON.stringify(body ?? '') } });
const failure = (code: string): Pick<Exchange, 'error'> => ({ error: { code, message: code } });

describe('classifyAttempt', () => {
  test('2xx and 3xx succeed', () => {
    expect(classifyAttempt(answer(201), policy, codes).kind).toBe('success');
    expect(classifyAttempt(answer(304), policy, codes).kind).toBe('success');
  });

  test('listed statuses are retried, carrying their Retry-After', () => {
    expect(classifyAttempt(answer(503), policy, codes)).toMatchObject({ kind: 'retryable' });
    expect(classifyAttempt(answer(429, undefined, { 'retry-after': '7' }), policy, codes)).toMatchObject({ kind: 'retryable', retryAfter: '7' });
  });

  test('4xx and unlisted 5xx are final', () => {
    expect(classifyAttempt(answer(422, { error: { code: 'X' } }), policy, codes)).toMatchObject({ kind: 'final', reason: '422 X is not retried' });
    expect(classifyAttempt(answer(500), policy, codes).kind).toBe('final');
  });

  test('a listed partner code is retried whatever its status', () => {
    expect(classifyAttempt(answer(409, { error: { code: 'TRY_AGAIN' } }), policy, codes)).toMatchObject({ kind: 'retryable', reason: '409 TRY_AGAIN: code TRY_AGAIN is retried' });
  });

  test('a code mapped never wins over a retried status', () => {
    expect(classifyAttempt(answer(503, { error: { code: 'BROKE' } }), policy, codes)).toMatchObject({ kind: 'final', reason: '503 BROKE: code BROKE is mapped never-retry' });
  });

  test('network failures follow the policy; the deadline always ends the call', () => {
    expect(classifyAttempt(failure('ECONNRESET'), policy, codes).kind).toBe('retryable');
    expect(classifyAttempt(failure('ECONNREFUSED'), policy, codes).kind).toBe('retryable');
    expect(classifyAttempt(failure('UND_ERR_HEADERS_TIMEOUT'), policy, codes)).toMatchObject({ kind: 'final', reason: 'network timeout (UND_ERR_HEADERS_TIMEOUT) is not retried by this policy' });
    expect(classifyAttempt(failure('DEADLINE'), policy, codes).kind).toBe('deadline');
    expect(classifyAttempt(failure('SOMETHING'), policy, codes).kind).toBe('final');
  });

  test.each([
    ['ECONNREFUSED', 'refused'],
    ['UND_ERR_CONNECT_TIMEOUT', 'refused'],
    ['ECONNRESET', 'reset'],
    ['UND_ERR_SOCKET', 'reset'],
    ['UND_ERR_BODY_TIMEOUT', 'timeout'],
    ['DEADLINE', undefined],
  ])('%s is a network %s', (code, kind) => expect(networkFailure(code)).toBe(kind));
});
