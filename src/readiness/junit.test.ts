import { describe, expect, it } from 'vitest';
import { judgeReadiness } from './judge.ts';
import { readinessJunit } from './junit.ts';
import type { CheckOutcome } from './model.ts';

const o = (family: CheckOutcome['family'], name: string, status: CheckOutcome['status'], reason?: string, failureKind?: string): CheckOutcome => ({ partner: 'pixpay', family, name, status, severity: 'normal', durationMs: 1250, operations: ['createPayout'], ...(reason && { reason }), ...(failureKind && { failureKind }) });
const r = judgeReadiness({
  partner: { id: 'pixpay', name: 'PixPay', rails: ['BR-PIX'] },
  contract: { title: 'PixPay', version: '2', hash: 'sha256:ab' },
  environment: 'simulator',
  seed: 7,
  partial: false,
  outcomes: [
    o('contract', 'createPayout answers conform to the contract', 'failed', '[contract-drift] createPayout 201: body /amount must be integer\n  at <step 2> & more', 'contract-drift'),
    o('auth', 'a request without credentials is refused', 'passed'),
    o('retry', 'a 503 is retried', 'skipped', 'the profile declares no retryable status'),
    o('errors', 'the unmapped code', 'broken', 'TypeError: x is undefined'),
  ],
  now: new Date('2026-11-21T10:00:00Z'),
});
const xml = readinessJunit([r]);

describe('readinessJunit', () => {
  it('groups checks as <partner>.<family>, not by the suite file', () => {
    expect(xml).toContain('<testcase classname="pixpay.contract" name="createPayout answers conform to the contract" time="1.25">');
    expect(xml).toContain('<testcase classname="pixpay.auth" name="a request without credentials is refused" time="1.25"/>');
    expect(xml).not.toContain('partners.suite.ts');
  });

  it('says why: skip reasons, failure messages in the check’s own words, escaped', () => {
    expect(xml).toContain('<skipped message="the profile declares no retryable status"/>');
    expect(xml).toContain('<failure message="[contract-drift] createPayout 201: body /amount must be integer at &lt;step 2&gt; &amp; more" type="contract-drift">[contract-drift] createPayout 201: body /amount must be integer\n  at &lt;step 2&gt; &amp; more</failure>');
    expect(xml).toContain('<error message="TypeError: x is undefined" type="broken">');
    expect(xml).not.toMatch(/Serialized Error|loc: undefined/);
  });

  it('fails a <partner>.readiness test on NO-GO with the reasons, and counts it in the totals', () => {
    expect(xml).toMatch(/<testcase classname="pixpay\.readiness" name="readiness verdict: NO-GO" time="0">\n\s+<failure message="contract: 1 check failed \(createPayout answers conform to the contract\); retry: required for GO[^"]*; inconclusive: 1 check broken inside railgate[^"]*" type="NO-GO">/);
    expect(xml).toMatch(/<testsuites name="railgate" tests="5" failures="2" errors="1" skipped="1" time="5">/);
    expect(xml).toContain('<property name="verdict" value="NO-GO"/>');
  });
});
