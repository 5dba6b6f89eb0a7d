import { describe, expect, it } from 'vitest';
import { resolveIdempotency } from '../../idempotency/index.ts';
import type { ResolvedIdempotency } from '../../idempotency/index.ts';
import type { Answer } from './answer.ts';
import { countProblem, judgeConcurrency, judgeDistinctKeys, judgeLostResponse, judgeMismatch, judgeMissingKey, judgeReplay } from './judge.ts';
import type { TxCount } from './judge.ts';

const SPEC: ResolvedIdempotency = resolveIdempotency({
  idempotency: {
    header: 'Idempotency-Key',
    operations: ['createPayout'],
    answers: { missingKey: { status: 400, code: 'INVALID_REQUEST' }, mismatch: { status: 409, code: 'IDEMPOTENCY_KEY_REUSED' }, inFlight: { status: 409, code: 'IDEMPOTENCY_KEY_IN_FLIGHT' }, replay: { header: 'Idempotent-Replayed' } },
  },
})!;
const KEY = 'k-1';
const ok = (id: string, extra: Partial<Answer> = {}): Answer => ({ seq: 1, key: KEY, status: 201, id, replayed: false, ...extra });
const err = (status: number, code?: string): Answer => ({ seq: 1, key: KEY, status, code, replayed: false });
const count = (...ids: string[]): TxCount => ({ ids, how: 'listPayouts?reference=R' });

describe('countProblem', () => {
  it('names every transaction when there are more than due, and says how they were counted', () => {
    expect(countProblem(count('po_A', 'po_B'), 1, 'the replay')).toEqual(['duplicate transactions: the replay made 2 transactions (po_A, po_B) where 1 was due, by listPayouts?reference=R']);
    expect(countProblem(count(), 1, 'the call')).toEqual(['the call made no transaction where 1 was due, by listPayouts?reference=R']);
    expect(countProblem(count('po_A'), 1, 'the call')).toEqual([]);
  });
});

describe('judgeReplay', () => {
  it('passes the original replayed: same status, same id, the marker, one transaction', () => {
    expect(judgeReplay({ first: ok('po_A'), replay: ok('po_A', { replayed: true }), count: count('po_A'), spec: SPEC })).toEqual([]);
  });

  it('names both transactions of a replay processed again (replay-creates-duplicate)', () => {
    const problems = judgeReplay({ first: ok('po_A'), replay: ok('po_B'), count: count('po_B', 'po_A'), spec: SPEC });
    expect(problems[0]).toBe('duplicate transactions: the same request replayed with Idempotency-Key k-1 made 2 transactions (po_B, po_A) where 1 was due, by listPayouts?reference=R');
    expect(problems).toContain('the replay answered 201 po_B, the original 201 po_A');
    expect(problems).toContain('the replay lacks the documented Idempotent-Replayed header');
  });
});

describe('judgeMismatch', () => {
  it('passes the documented conflict with one transaction', () => {
    expect(judgeMismatch({ first: ok('po_A'), other: err(409, 'IDEMPOTENCY_KEY_REUSED'), count: count('po_A'), spec: SPEC })).toEqual([]);
  });

  it('names the second transaction of a mismatch accepted (mismatch-accepted)', () => {
    const problems = judgeMismatch({ first: ok('po_A'), other: ok('po_B'), count: count('po_A', 'po_B'), spec: SPEC });
    expect(problems[0]).toMatch(/^duplicate transactions: .* made 2 transactions \(po_A, po_B\)/);
    expect(problems[1]).toBe('the key reused with another body was accepted (201: a new transaction po_B besides po_A); the profile documents 409 IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses the original answered for another body, and another code than documented', () => {
    expect(judgeMismatch({ first: ok('po_A'), other: ok('po_A'), count: count('po_A'), spec: SPEC })).toEqual(['the key reused with another body was accepted (201: the original po_A for another body); the profile documents 409 IDEMPOTENCY_KEY_REUSED']);
    expect(judgeMismatch({ first: ok('po_A'), other: err(422, 'OTHER'), count: count('po_A'), spec: SPEC })).toEqual(['the key reused with another body was answered 422 OTHER; the profile documents 409 IDEMPOTENCY_KEY_REUSED']);
  });
});

describe('judgeConcurrency', () => {
  const inFlight = err(409, 'IDEMPOTENCY_KEY_IN_FLIGHT');

  it('passes one transaction, the others in flight or replayed', () => {
    expect(judgeConcurrency({ answers: [ok('po_A'), inFlight, inFlight, ok('po_A', { replayed: true })], count: count('po_A'), spec: SPEC })).toEqual([]);
  });

  it('names every transaction a race let through (concurrent-duplicates)', () => {
    const problems = judgeConcurrency({ answers: [ok('po_A'), ok('po_B'), ok('po_C'), inFlight], count: count('po_A', 'po_B', 'po_C'), spec: SPEC });
    expect(problems[0]).toBe('duplicate transactions: 4 simultaneous requests with Idempotency-Key k-1 made 3 transactions (po_A, po_B, po_C) where 1 was due, by listPayouts?reference=R');
    expect(problems[1]).toBe('the answers name 3 different transactions: po_A, po_B, po_C');
  });

  it('refuses answers that are neither the replay nor the documented in-flight answer', () => {
    const problems = judgeConcurrency({ answers: [ok('po_A'), err(500), { seq: 3, key: KEY, replayed: false, error: 'ECONNRESET' }], count: count('po_A'), spec: SPEC });
    expect(problems).toEqual(['2 answers were neither the replay nor the documented in-flight answer (409 IDEMPOTENCY_KEY_IN_FLIGHT): 500, no answer (ECONNRESET)']);
  });

  it("with inFlight: replay, every answer must be the transaction", () => {
    const spec = { ...SPEC, inFlight: 'replay' as const };
    expect(judgeConcurrency({ answers: [ok('po_A'), inFlight], count: count('po_A'), spec })[0]).toMatch(/^1 answer was neither the replay nor the documented in-flight answer \(the replay of the original answer\): 409 IDEMPOTENCY_KEY_IN_FLIGHT$/);
  });
});

describe('judgeMissingKey', () => {
  it('passes the documented refusal with no transaction', () => {
    expect(judgeMissingKey({ answer: err(400, 'INVALID_REQUEST'), count: count(), spec: SPEC })).toEqual([]);
  });

  it('names the transaction a request without the key made, against a documented refusal', () => {
    expect(judgeMissingKey({ answer: ok('po_A'), count: count('po_A'), spec: SPEC })).toEqual([
      'a request without Idempotency-Key made 1 transaction (po_A) where 0 were due, by listPayouts?reference=R',
      'a request without Idempotency-Key was answered 201 po_A; the profile documents 400 INVALID_REQUEST',
    ]);
  });

  it("with missingKey: accepted, wants exactly one transaction", () => {
    const spec = { ...SPEC, missingKey: 'accepted' as const };
    expect(judgeMissingKey({ answer: ok('po_A'), count: count('po_A'), spec })).toEqual([]);
    expect(judgeMissingKey({ answer: err(400), count: count(), spec })).toHaveLength(2);
  });
});

describe('judgeLostResponse', () => {
  it('passes retries in flight, then the original outcome, with one transaction', () => {
    expect(judgeLostResponse({ retries: [err(409, 'IDEMPOTENCY_KEY_IN_FLIGHT'), ok('po_A', { replayed: true })], count: count('po_A'), spec: SPEC })).toEqual([]);
  });

  it('names the second transaction the retry made (lost-response-duplicate)', () => {
    const problems = judgeLostResponse({ retries: [ok('po_B')], count: count('po_A', 'po_B'), spec: SPEC });
    expect(problems).toEqual(['duplicate transactions: the retry with Idempotency-Key k-1 after a lost answer made 2 transactions (po_A, po_B) where 1 was due, by listPayouts?reference=R']);
  });

  it('refuses retries that never got an outcome, and odd answers on the way', () => {
    const problems = judgeLostResponse({ retries: [err(500), err(409, 'IDEMPOTENCY_KEY_IN_FLIGHT')], count: count('po_A'), spec: SPEC });
    expect(problems).toEqual([
      'the retries never got the original outcome: 500, 409 IDEMPOTENCY_KEY_IN_FLIGHT',
      'retries were answered neither with the original nor the documented in-flight answer (409 IDEMPOTENCY_KEY_IN_FLIGHT): 500',
    ]);
  });
});

describe('judgeDistinctKeys', () => {
  it('passes two transactions for two keys', () => {
    expect(judgeDistinctKeys({ a: ok('po_A'), b: ok('po_B', { key: 'k-2' }), count: count('po_A', 'po_B'), spec: SPEC })).toEqual([]);
  });

  it('refuses a partner that deduplicates on the body when the profile says it does not', () => {
    const problems = judgeDistinctKeys({ a: ok('po_A'), b: ok('po_A', { key: 'k-2' }), count: count('po_A'), spec: SPEC });
    expect(problems).toEqual([
      'two requests with distinct keys (k-1, k-2) and the same body made 1 transaction (po_A) where 2 were due, by listPayouts?reference=R',
      'both answers name one transaction (po_A): the partner deduplicates on the body, and the profile says it does not (dedupeOnBody)',
    ]);
  });

  it('with dedupeOnBody, wants one', () => {
    expect(judgeDistinctKeys({ a: ok('po_A'), b: ok('po_A'), count: count('po_A'), spec: { ...SPEC, dedupeOnBody: true } })).toEqual([]);
  });
});
