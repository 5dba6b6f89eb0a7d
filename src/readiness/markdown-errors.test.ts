import { describe, expect, it } from 'vitest';
import { judgeReadiness } from './judge.ts';
import { readinessMarkdown } from './markdown.ts';
import type { CheckOutcome } from './model.ts';
import type { ErrorCoverage } from '../errors/index.ts';

const coverage: ErrorCoverage = {
  coverage: 2 / 3,
  matrix: [
    { code: 'PIX_KEY_NOT_FOUND', status: 422, canonical: 'AC03', exercised: true },
    { code: 'RATE_LIMITED', status: 429, canonical: 'RATE_LIMITED', exercised: true },
    { code: 'SERVICE_UNAVAILABLE', canonical: 'PARTNER_UNAVAILABLE', exercised: false },
  ],
  unmapped: [{ code: 'KEY_SUSPENDED', status: 422, operationId: 'createPayout' }],
};
const outcome = (name: string, evidence?: CheckOutcome['evidence']): CheckOutcome => ({
  partner: 'pixpay',
  family: 'errors',
  name,
  status: 'passed',
  severity: 'normal',
  durationMs: 1,
  ...(evidence && { evidence }),
});
const judge = (outcomes: CheckOutcome[]) =>
  judgeReadiness({
    partner: { id: 'pixpay', name: 'PixPay', rails: ['BR-PIX'] },
    contract: { title: 'PixPay', version: '1', hash: 'sha256:0123456789abcdef0123' },
    environment: 'simulator',
    seed: 1,
    partial: false,
    outcomes,
    now: new Date('2026-11-21T14:00:00Z'),
  });

describe('error-code coverage in the readiness verdict', () => {
  it('is lifted from the check that measured it into `errors`, and left out of the checks', () => {
    const r = judge([outcome('static'), outcome('error-code coverage of the run', { errors: coverage })]);
    expect(r.errors).toEqual(coverage);
    expect(r.checks.every((c) => c.evidence === undefined)).toBe(true);
    expect(judge([outcome('static')]).errors).toBeUndefined();
  });

  it('shows the matrix and what nothing maps in the Markdown', () => {
    const md = readinessMarkdown(judge([outcome('coverage', { errors: coverage })]));
    expect(md).toContain('**Error codes** — coverage 66.6% (2 of 3 mapped codes exercised)');
    expect(md).toContain('| PIX_KEY_NOT_FOUND | 422 | AC03 | yes |');
    expect(md).toContain('| SERVICE_UNAVAILABLE | — | PARTNER_UNAVAILABLE | **no** |');
    expect(md).toContain('- `KEY_SUSPENDED` with 422 from createPayout');
  });
});
