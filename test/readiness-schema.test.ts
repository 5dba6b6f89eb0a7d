import { describe, expect, it } from 'vitest';
import { judgeReadiness, latencyScope } from '../src/readiness/index.ts';
import type { CheckOutcome } from '../src/readiness/index.ts';
import { readinessSchemaProblems } from './helpers/readiness-schema.ts';

// schemas/readiness.schema.json describes reports/readiness/<partner>.json: every field the judge writes, each
// verdict, with all its evidence. (test/cli-run.test.ts validates the file a real run wrote as well.)
const o = (family: CheckOutcome['family'], name: string, status: CheckOutcome['status'], extra: Partial<CheckOutcome> = {}): CheckOutcome => ({ partner: 'pixpay', family, name, status, severity: 'critical', durationMs: 12.5, operations: ['createPayout'], ...extra });
const outcomes: CheckOutcome[] = [
  o('contract', 'createPayout answers conform to the contract', 'failed', { reason: '[contract-drift] body /amount must be integer', failureKind: 'contract-drift', latency: { createPayout: [120, 80, 1900] } }),
  o('auth', 'a request without credentials is refused', 'broken', { reason: 'TypeError: x' }),
  o('retry', 'a 503 is retried', 'skipped', { reason: 'no retryable status' }),
  o('scenarios', 'payout-happy', 'passed', { scenario: 'payout-happy', evidence: { webhooks: ['payout.paid'] } }),
  o('errors', 'error codes are covered', 'passed', { evidence: { errors: { coverage: 0.5, matrix: [{ code: 'AM04', status: 422, canonical: 'AM04', exercised: true }, { code: 'AC01', canonical: 'AC01', exercised: false }], unmapped: [{ code: 'X9', status: 400, operationId: 'createPayout' }, { status: 500, operationId: 'getPayout' }] } } }),
  o('transactions', 'reconciliation', 'passed', { evidence: { reconciliation: { problems: 1, rows: [{ movement: 'payout', id: 'po_1', reference: 'R1', status: 'ok', created: 'BRL 15.00', partner: 'BRL 15.00', readState: 'VOIDED', webhookState: 'AUTHORIZED', event: 'evt_1' }, { movement: 'payout', id: 'po_2', status: 'missing', note: 'not listed' }] } } }),
];
const judge = (environment: string, over: Partial<Parameters<typeof judgeReadiness>[0]> = {}) =>
  judgeReadiness({
    partner: { id: 'pixpay', name: 'PixPay', rails: ['BR-PIX'], excluded: { idempotency: 'no retries in this integration at all' } },
    operations: { all: [{ id: 'createPayout', method: 'post', path: '/payouts' }, { id: 'getPayout', method: 'get', path: '/payouts/{id}' }, { id: 'payout.paid', method: 'post', path: '(webhook)', received: true }], excluded: { getPayout: 'read through webhooks only' } },
    latency: latencyScope({ p95: '800ms', operations: { createPayout: { p99: '1s' } } }, environment),
    contract: { title: 'PixPay Payouts API', version: '2.4.0', hash: 'sha256:ab' },
    environment,
    seed: 20261121,
    partial: false,
    outcomes,
    now: new Date('2026-11-21T10:00:00Z'),
    ...over,
  });

describe('schemas/readiness.schema.json', () => {
  it('describes every verdict the judge writes, with all its evidence', () => {
    const twoRails = { partner: { id: 'pixpay', name: 'PixPay', rails: ['BR-PIX', 'SG-PAYNOW'] }, profile: { file: 'partners/pixpay.yaml', hash: 'sha256:cd' } };
    const verdicts = [judge('sandbox'), judge('simulator'), judge('simulator', { outcomes: [outcomes[3]!], partial: true, operations: undefined, latency: undefined }), judge('sandbox', twoRails)];
    expect(verdicts.map((v) => v.verdict)).toEqual(['NO-GO', 'NO-GO', 'GO', 'NO-GO']);
    expect(verdicts[3]?.byRail?.map((b) => b.rail)).toEqual(['BR-PIX', 'SG-PAYNOW']);
    expect(verdicts[0]?.latency?.rows[0]?.breaches).toHaveLength(2);
    for (const v of verdicts) expect(readinessSchemaProblems(v)).toEqual([]);
  });

  it('refuses what no verdict is: an unknown verdict, a field it does not know, a check without its status', () => {
    const v = judge('sandbox');
    expect(readinessSchemaProblems({ ...v, verdict: 'MAYBE' })).not.toEqual([]);
    expect(readinessSchemaProblems({ ...v, score: 91.4 })).not.toEqual([]);
    expect(readinessSchemaProblems({ ...v, checks: [{ ...v.checks[0], status: undefined }] })).not.toEqual([]);
  });
});
