import { describe, expect, it } from 'vitest';
import { errorMatrixChart, familiesChart, operationsChart } from './html-charts.ts';
import type { Readiness } from './model.ts';

const readiness = {
  partner: 'pixpay',
  families: { contract: { status: 'failed', passed: 6, failed: ['a', 'b'], broken: [], skipped: ['c'] } },
  excluded: { retry: 'why' },
} as unknown as Readiness;

describe('charts', () => {
  it('draws a stacked bar per family with its counts as text, so it reads without colour', () => {
    const svg = familiesChart(readiness);
    expect(svg).toMatch(/^<svg class="chart" viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('6 passed · 2 failed · 1 skipped');
    expect(svg.match(/class="s-(passed|failed|skipped)"><title>/g)).toHaveLength(3);
    expect(svg).toContain('excluded by the profile');
  });

  it('marks each operation never called that the integration uses', () => {
    const svg = operationsChart({
      coverage: 0.5,
      min: 1,
      rows: [
        { operation: 'createPayout', method: 'POST', path: '/payouts', required: true, checks: [{ name: 'x', family: 'contract', status: 'passed' }] },
        { operation: 'getPayout', method: 'GET', path: '/payouts/{id}', required: true, checks: [] },
        { operation: 'listPayouts', method: 'GET', path: '/payouts', required: false, excluded: 'not used <yet>', checks: [] },
      ],
    });
    expect(svg).toContain('createPayout: 1 check');
    expect(svg).toContain('class="alarm">getPayout: NEVER CALLED');
    expect(svg).toContain('listPayouts: excluded: not used &#60;yet&#62;');
  });

  it('draws the error-code matrix: code × status, never provoked and unmapped codes told in words', () => {
    const svg = errorMatrixChart({
      coverage: 0.5,
      matrix: [{ code: 'PIX_KEY_NOT_FOUND', status: 422, canonical: 'AC03', exercised: true }, { code: 'INSUFFICIENT_BALANCE', canonical: 'AM04', exercised: false }],
      unmapped: [{ code: 'KEY_SUSPENDED', status: 409, operationId: 'createPayout' }],
    });
    expect(svg.match(/class="cell-hit"/g)).toHaveLength(1);
    expect(svg.match(/class="cell-unmapped"/g)).toHaveLength(1);
    expect(svg).toContain('→ AM04 · never provoked');
    expect(svg).toContain('UNMAPPED: seen, nothing maps it');
    expect(svg).toMatch(/>409<\/text>.*>422<\/text>/);
  });
});
