import { describe, expect, it } from 'vitest';
import { allureLinks } from './allure-links.ts';
import { readinessHtml } from './html.ts';
import { judgeReadiness } from './judge.ts';
import type { CheckOutcome, Readiness } from './model.ts';

const o = (partner: string, family: CheckOutcome['family'], name: string, status: CheckOutcome['status'], reason?: string): CheckOutcome => ({ partner, family, name, status, severity: 'normal', durationMs: 1, reason, operations: ['createPayout'] });

function judge(partner: string, outcomes: CheckOutcome[], over: { partial?: boolean } = {}): Readiness {
  return judgeReadiness({
    partner: { id: partner, name: `${partner} Ltd`, rails: ['BR-PIX'], excluded: { retry: 'the partner never retries <anything>' } },
    operations: { all: [{ id: 'createPayout', method: 'post', path: '/payouts' }, { id: 'getPayout', method: 'get', path: '/payouts/{id}' }], excluded: { getPayout: 'read through webhooks only' } },
    contract: { title: 'PixPay Payouts API', version: '2.4.0', hash: 'sha256:2219c6749d63111e54c910e61f2b7e46' },
    environment: 'simulator',
    seed: 20261121,
    partial: over.partial ?? false,
    outcomes,
    now: new Date('2026-11-21T10:00:00Z'),
  });
}

const go = judge('lionbank', [o('lionbank', 'contract', 'conforms', 'passed')]);
const noGo = judge('pixpay', [
  o('pixpay', 'contract', 'createPayout answers conform to the contract', 'failed', '[contract-drift] createPayout 201: body /amount must be integer\n  <script>alert(1)</script>'),
  o('pixpay', 'contract', 'examples validate', 'passed'),
  o('pixpay', 'auth', 'a request without credentials is refused', 'broken', 'TypeError: x is undefined'),
]);
const page = readinessHtml([go, noGo], { railgateVersion: '0.1.0' });

describe('readinessHtml', () => {
  it('is one self-contained page: no script, no stylesheet or font to fetch, no outside address', () => {
    expect(page).not.toMatch(/<script|<link|<iframe|<img|@import|url\(|https?:\/\//i);
    expect(page).toMatch(/^<!DOCTYPE html>/);
  });

  it('escapes everything that came from a partner', () => {
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(page).toContain('the partner never retries &#60;anything&#62;');
  });

  it('puts the blocking partner first, its verdict in words beside its colour, and why', () => {
    expect(page.indexOf('id="partner-pixpay"')).toBeLessThan(page.indexOf('id="partner-lionbank"'));
    expect(page).toMatch(/<div class="banner v-no-go" role="status">.*<span class="verdict">NO-GO<\/span>/);
    expect(page).toContain('<h3>Why NO-GO</h3><ol class="reasons"><li>contract: 1 check failed (createPayout answers conform to the contract)</li>');
    expect(page).toContain('<title>Readiness: 1 NO-GO · 1 GO · railgate</title>');
  });

  it('gives each failed and broken check with its reason, failed first', () => {
    const failed = page.indexOf('<div class="finding failed">');
    const broken = page.indexOf('<div class="finding broken">');
    expect(failed).toBeGreaterThan(0);
    expect(broken).toBeGreaterThan(failed);
    expect(page.slice(failed, broken)).toContain('createPayout 201: body /amount must be integer');
  });

  it('draws the family chart, the operation coverage and no latency chart while there is no latency data', () => {
    expect(page).toContain('<figcaption>Checks per family</figcaption><svg class="chart"');
    expect(page).toContain('Operation coverage: 100% of the operations the integration uses were called (100% required)');
    expect(page).not.toMatch(/latency/i);
  });

  it('shows the run metadata and a sign-off block with blank lines', () => {
    for (const text of ['railgate 0.1.0', 'seed 20261121', 'environment <strong>simulator</strong>', 'PixPay Payouts API 2.4.0', 'sha256:2219c6749d63111e54c910e61f2b7e46', '2026-11-21T10:00:00.000Z']) expect(page).toContain(text);
    const signOff = page.slice(page.indexOf('<section class="signoff"'));
    expect(signOff).toContain('excluded with a written reason that I accept');
    expect(signOff).toMatch(/<code>lionbank<\/code>.*☐ approve/);
    expect(signOff).toMatch(/<code>pixpay<\/code>.*blocked: fix, then run again/);
    for (const line of ['Name', 'Role', 'Date', 'Signature']) expect(signOff).toContain(`<div class="sign-line"><span>${line}</span></div>`);
  });

  it('says a partial run speaks only for what it selected', () => {
    const partial = readinessHtml([judge('pixpay', [o('pixpay', 'contract', 'c', 'passed')], { partial: true })], { railgateVersion: '0.1.0' });
    expect(partial).toContain('<strong>Partial run:</strong>');
    expect(partial).toContain('This was a partial run');
  });

  it('links each failed check to its test when the Allure report was generated, and says so when not', () => {
    expect(page).toContain('no Allure report for this run');
    expect(page).not.toContain('<a href="../allure-report');
    const links = allureLinks([{ uuid: 'u-1', name: 'createPayout answers conform to the contract', labels: [{ name: 'parentSuite', value: 'pixpay' }, { name: 'suite', value: 'contract' }] }], '../allure-report/index.html');
    const linked = readinessHtml([noGo], { railgateVersion: '0.1.0', allure: { index: '../allure-report/index.html', links } });
    expect(linked).toMatch(/<li><a href="\.\.\/allure-report\/index\.html#\/[0-9a-f]{32}">createPayout answers conform to the contract<\/a><\/li>/);
    expect(linked).toContain('<a href="../allure-report/index.html">Allure report</a>');
  });
});
