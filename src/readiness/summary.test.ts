import { describe, expect, it } from 'vitest';
import { judgeReadiness } from './judge.ts';
import type { CheckOutcome, Readiness } from './model.ts';
import { readinessSummary } from './summary.ts';

const o = (partner: string, family: CheckOutcome['family'], name: string, status: CheckOutcome['status'], reason?: string): CheckOutcome => ({ partner, family, name, status, severity: 'normal', durationMs: 1, reason, operations: ['createPayout'] });

function judge(partner: string, rails: string[], outcomes: CheckOutcome[]): Readiness {
  return judgeReadiness({
    partner: { id: partner, name: partner.toUpperCase(), rails },
    operations: { all: [{ id: 'createPayout', method: 'post', path: '/payouts' }] },
    contract: { title: 'C', version: '1', hash: 'sha256:00' },
    environment: 'simulator',
    seed: 7,
    partial: false,
    outcomes,
    now: new Date(0),
  });
}

const go = judge('lionbank', ['SG-PAYNOW', 'SG-FAST'], [o('lionbank', 'contract', 'a', 'passed'), o('lionbank', 'contract', 'b', 'skipped', 'no sandbox')]);
const noGo = judge('pixpay', ['BR-PIX'], [
  o('pixpay', 'contract', 'createPayout answers conform', 'failed', '[contract-drift] 1 of the answers break the contract:\n  - createPayout 201: body /amount must be integer'),
  o('pixpay', 'auth', 'a', 'passed'),
  ...['x', 'y', 'z'].map((n) => o('pixpay', 'auth', n, 'failed', 'step 1 (createWebhookEndpoint): body /url: expected <a|b>')),
]);

describe('readinessSummary', () => {
  it('puts one line per partner × rail first, blocking partners on top, with counts and operation coverage', () => {
    const lines = readinessSummary([go, noGo]).split('\n');
    expect(lines[0]).toBe('## railgate readiness: 1 NO-GO · 1 GO');
    expect(lines.slice(4, 7)).toEqual([
      '| ❌ NO-GO | pixpay | BR-PIX | 1 | 4 | 0 | 0 | 100% called (100% required) |',
      '| ✅ GO | lionbank | SG-PAYNOW | 1 | 0 | 0 | 1 | 100% called (100% required) |',
      '| ✅ GO | lionbank | SG-FAST | 1 | 0 | 0 | 1 | 100% called (100% required) |',
    ]);
    expect(lines[8]).toBe('environment simulator · seed 7 · 1970-01-01T00:00:00.000Z');
  });

  it('then lists the failures only: each failed criterion, and each distinct reason once, on one line', () => {
    const text = readinessSummary([go, noGo]);
    const failures = text.slice(text.indexOf('### Failures'));
    expect(failures).toContain('**❌ pixpay — NO-GO**');
    expect(failures).toContain('- contract: 1 check failed (createPayout answers conform)');
    expect(failures).toContain('- contract › createPayout answers conform (failed): \\[contract-drift\\] 1 of the answers break the contract: - createPayout 201: body /amount must be integer');
    // Three checks failing for one reason are one line; partner text cannot open a tag or a table cell.
    expect(failures).toContain('- auth › 3 checks (failed): step 1 (createWebhookEndpoint): body /url: expected \\<a\\|b\\>');
    expect(failures).not.toMatch(/lionbank|skipped|no sandbox/);
  });

  it('stays short: findings beyond the first few point to the partner’s full Markdown', () => {
    const many = judge('pixpay', ['BR-PIX'], Array.from({ length: 400 }, (_, i) => o('pixpay', 'errors', `check ${i} ${'x'.repeat(80)}`, 'failed', `reason ${i} ${'y'.repeat(400)}`)));
    const text = readinessSummary([many, go]);
    expect(text).toContain('- … 397 more in readiness/pixpay.md');
    expect(Buffer.byteLength(text)).toBeLessThan(3000);
  });

  it('has no failure section when every partner is GO', () => {
    expect(readinessSummary([go])).not.toContain('Failures');
  });
});
