import { describe, expect, test } from 'vitest';
import { CheckFailure } from '../checks/model.ts';
import { loadVocabulary } from '../errors/index.ts';
import type { ErrorsSpec } from '../errors/index.ts';
import type { Exchange } from '../http/index.ts';
import { judgeExpectation } from './execute.ts';
import { canonicalMiss } from './expect-canonical.ts';

const vocabulary = await loadVocabulary();
const spec: ErrorsSpec = {
  code: '/error/code',
  map: {
    CARD_DECLINED: { canonical: 'MS03' },
    REFUND_EXCEEDS_CAPTURED: { canonical: 'AM09' },
  },
  byStatus: { '5xx': 'PARTNER_UNAVAILABLE' },
};
const mapping = { spec, vocabulary };
const answer = (status: number, code?: string) => ({ status, body: code === undefined ? '<html>Bad Gateway</html>' : { error: { code, message: 'm' } } });

describe('canonicalMiss', () => {
  test('an answer whose partner code maps to the expected canonical code passes', () => {
    expect(canonicalMiss('AM09', answer(422, 'REFUND_EXCEEDS_CAPTURED'), mapping)).toBeUndefined();
  });

  test('a code-less answer passes through errors.byStatus', () => {
    expect(canonicalMiss('PARTNER_UNAVAILABLE', answer(502), mapping)).toBeUndefined();
  });

  test('another canonical code fails naming the partner code, the status and what it mapped to', () => {
    expect(canonicalMiss('AM04', answer(402, 'CARD_DECLINED'), mapping)).toEqual({
      kind: 'partner-defect',
      message: 'expected canonical AM04, got partner code CARD_DECLINED (status 402), which maps to MS03',
    });
  });

  test('a status rule, an unmapped code and a success are told apart', () => {
    expect(canonicalMiss('AM04', answer(503), mapping)?.message).toBe('expected canonical AM04, got no partner code (status 503), which maps to PARTNER_UNAVAILABLE by errors.byStatus');
    expect(canonicalMiss('AM04', answer(422, 'SOMETHING_NEW'), mapping)?.message).toBe('expected canonical AM04, got partner code SOMETHING_NEW (status 422), which maps to UNMAPPED (not in errors.map)');
    expect(canonicalMiss('AM04', answer(418), mapping)?.message).toBe('expected canonical AM04, got no partner code (status 418), which maps to nothing (no errors.byStatus rule for the status)');
    expect(canonicalMiss('AM04', { status: 201, body: {} }, mapping)?.message).toBe('expected canonical AM04, got a success (201)');
  });

  test('a code outside the vocabulary, or a profile without errors, is a configuration mistake', () => {
    expect(canonicalMiss('AM4', answer(402, 'CARD_DECLINED'), mapping)).toEqual({ kind: 'configuration', message: "expected canonical 'AM4', which is not in the vocabulary (did you mean 'AM04'?)" });
    expect(canonicalMiss('AM04', answer(402, 'CARD_DECLINED'), { spec: undefined, vocabulary })?.kind).toBe('configuration');
  });
});

describe('judgeExpectation with canonical', () => {
  const loc = { file: 'suites/eurocard/x.yaml', line: 7, col: 5 };
  const exchange = (status: number, code: string): Exchange =>
    ({ seq: 1, request: { method: 'POST', url: 'http://sim/v1/payments', headers: {} }, response: { status, headers: {}, body: { error: { code } } } }) as unknown as Exchange;

  test('fails at the step, as a partner defect, after the status matched', () => {
    const judge = () => judgeExpectation({ status: 402, canonical: 'AM04' }, exchange(402, 'CARD_DECLINED'), 'step 1 (authorizePayment)', loc, mapping);
    expect(judge).toThrow(CheckFailure);
    expect(judge).toThrow('suites/eurocard/x.yaml:7:5  [partner-defect] step 1 (authorizePayment): expected canonical AM04, got partner code CARD_DECLINED (status 402), which maps to MS03');
  });

  test('passes when the code maps as expected, and says so when no mapping was given', () => {
    expect(() => judgeExpectation({ canonical: 'MS03' }, exchange(402, 'CARD_DECLINED'), 'step 1', loc, mapping)).not.toThrow();
    expect(() => judgeExpectation({ canonical: 'MS03' }, exchange(402, 'CARD_DECLINED'), 'step 1', loc)).toThrow(/\[configuration\] step 1: expected canonical MS03, but no error mapping was given/);
  });
});
