import { describe, expect, it } from 'vitest';
import { readinessCriteria } from './criteria.ts';
import { judgeReadiness } from './judge.ts';
import type { CheckOutcome } from './model.ts';

const o = (family: CheckOutcome['family'], name: string, status: CheckOutcome['status'], operations: string[] = []): CheckOutcome => ({ partner: 'p', family, name, status, severity: 'normal', durationMs: 1, operations });
const scope = { all: [{ id: 'createPayout', method: 'post', path: '/payouts' }, { id: 'getPayout', method: 'get', path: '/payouts/{id}' }] };
const judge = (outcomes: CheckOutcome[], partial = false) =>
  judgeReadiness({ partner: { id: 'p', name: 'P', rails: ['BR-PIX'], excluded: { retry: 'no retries in this integration' } }, operations: scope, contract: { title: 'C', version: '1', hash: 'h' }, environment: 'simulator', seed: 1, partial, outcomes, now: new Date(0) });

describe('readinessCriteria', () => {
  it('lists what GO asks, the unmet first: failed, broken, not exercised, then met, excluded and shown', () => {
    const r = judge([o('contract', 'a', 'passed', ['createPayout']), o('auth', 'b', 'failed', ['createPayout']), o('idempotency', 'c', 'broken'), o('scenarios', 'd', 'skipped')]);
    expect(readinessCriteria(r).map((c) => [c.outcome, c.label])).toEqual([
      ['failed', 'auth checks pass'],
      ['failed', 'the operations the integration uses were called'],
      ['broken', 'idempotency checks pass'],
      ['broken', 'railgate judged every check'],
      ['unexercised', 'scenarios checks pass'],
      ['met', 'contract checks pass'],
      ['met', 'some check talked to the partner'],
      ['excluded', 'retry checks pass'],
    ]);
    expect(readinessCriteria(r).find((c) => c.label.startsWith('the operations'))?.detail).toBe('1 of 2 called: 50%, 100% required; never called: getPayout');
  });

  it('does not judge a partial run on coverage: shown only', () => {
    const r = judge([o('contract', 'a', 'passed')], true);
    expect(readinessCriteria(r).filter((c) => c.outcome === 'info').map((c) => c.label)).toEqual(['the operations the integration uses were called', 'some check talked to the partner']);
  });

  it('names each unmapped code once, with every status and operation it came from', () => {
    const outcome: CheckOutcome = {
      ...o('errors', 'coverage', 'passed', ['createPayout']),
      evidence: {
        errors: {
          coverage: 0.5,
          matrix: [{ code: 'A', status: 422, canonical: 'AC01', exercised: true }, { code: 'B', canonical: 'AM04', exercised: false }],
          unmapped: [{ code: 'X', status: 429, operationId: 'createPayout' }, { code: 'X', status: 404, operationId: 'getPayout' }, { status: 500, operationId: 'getPayout' }],
        },
      },
    };
    const criteria = readinessCriteria(judge([outcome]));
    expect(criteria.find((c) => c.label === 'every partner code seen is mapped')).toEqual({ label: 'every partner code seen is mapped', outcome: 'failed', detail: 'seen but not mapped: X (HTTP 404, 429 from createPayout, getPayout), no code (HTTP 500 from getPayout)' });
    expect(criteria.find((c) => c.label === 'error-code coverage')?.detail).toMatch(/^50%: 1 of 2 mapped codes provoked/);
  });
});
