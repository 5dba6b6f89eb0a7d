import { describe, expect, it } from 'vitest';
import type { Operation } from '../../contract/index.ts';
import type { Exchange } from '../../http/index.ts';
import { CheckFailure } from '../model.ts';
import type { ExpectedRejection } from './expected.ts';
import { judgeAcceptance, judgeRejection } from './judge.ts';

const op = { id: 'createPayout' } as Operation;
const expected: ExpectedRejection = { detection: 'invalid-signature', statuses: [401], code: 'UNAUTHORIZED', codeAt: '/error/code' };
const answered = (status: number, code?: string) => ({ exchange: { seq: 7, request: { method: 'POST', url: 'http://x/payouts', headers: {} }, response: { status, headers: {}, bodyText: '', body: code ? { error: { code } } : {} }, startedAt: '', durationMs: 1 } as Exchange });
const plain = (t: string) => t;

/** How a judgement ends: 'passed', or the failure's kind. */
function kindOf(judge: () => void): string {
  try {
    judge();
    return 'passed';
  } catch (e) {
    return e instanceof CheckFailure ? e.kind : 'crash';
  }
}

describe('the auth judgements', () => {
  it('take a 429 for no answer to the request: neither accepted nor refused, never a finding', () => {
    expect(kindOf(() => judgeAcceptance(op, 'a correctly signed request', answered(429), expected, plain))).toBe('configuration');
    expect(kindOf(() => judgeRejection(op, 'a body changed after signing', answered(429), expected, plain))).toBe('configuration');
  });

  it('still judge every other answer as before', () => {
    expect(kindOf(() => judgeAcceptance(op, 'a correctly signed request', answered(201), expected, plain))).toBe('passed');
    expect(kindOf(() => judgeAcceptance(op, 'a correctly signed request', answered(401, 'UNAUTHORIZED'), expected, plain))).toBe('partner-defect');
    expect(kindOf(() => judgeRejection(op, 'a body changed after signing', answered(401, 'UNAUTHORIZED'), expected, plain))).toBe('passed');
    expect(kindOf(() => judgeRejection(op, 'a body changed after signing', answered(201), expected, plain))).toBe('partner-defect');
    expect(kindOf(() => judgeRejection(op, 'a body changed after signing', answered(403, 'FORBIDDEN'), expected, plain))).toBe('contract-drift');
  });

  it('take a 429 at its word where the profile documents 429 as the refusal', () => {
    expect(kindOf(() => judgeRejection(op, 'a replayed request', answered(429, 'UNAUTHORIZED'), { ...expected, statuses: [429] }, plain))).toBe('passed');
  });
});
