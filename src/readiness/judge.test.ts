import { describe, expect, it } from 'vitest';
import { judgeReadiness } from './judge.ts';
import type { JudgeInput } from './judge.ts';
import type { CheckOutcome } from './model.ts';
import { readinessMarkdown } from './markdown.ts';
import { readinessSummary } from './summary.ts';

const o = (family: CheckOutcome['family'], name: string, status: CheckOutcome['status'], reason?: string): CheckOutcome => ({ partner: 'p', family, name, status, severity: 'normal', durationMs: 1, reason });

function input(outcomes: CheckOutcome[], over: Partial<JudgeInput> = {}): JudgeInput {
  return { partner: { id: 'p', name: 'P', rails: ['BR-PIX'], required: ['contract', 'scenarios'] }, contract: { title: 'C', version: '1', hash: 'sha256:00' }, environment: 'simulator', seed: 1, partial: false, outcomes, now: new Date(0), ...over };
}

describe('judgeReadiness', () => {
  it('is GO when every required family passed', () => {
    const r = judgeReadiness(input([o('contract', 'a', 'passed'), o('scenarios', 'b', 'passed'), o('scenarios', 'c', 'skipped', 'no sandbox')]));
    expect(r.verdict).toBe('GO');
    expect(r.families.scenarios).toEqual({ status: 'passed', passed: 1, failed: [], broken: [], skipped: ['c'] });
  });

  it('is NO-GO naming the failed checks', () => {
    const r = judgeReadiness(input([o('contract', 'a', 'failed', 'drift'), o('scenarios', 'b', 'passed')]));
    expect(r.verdict).toBe('NO-GO');
    expect(r.families.contract).toEqual({ status: 'failed', passed: 0, failed: ['a'], broken: [], skipped: [] });
    expect(r.reasons).toEqual(['contract: 1 check failed (a)']);
  });

  it('never counts skipped as passed: a required family that was all skipped is NO-GO', () => {
    const r = judgeReadiness(input([o('contract', 'a', 'passed'), o('scenarios', 'b', 'skipped')]));
    expect(r.verdict).toBe('NO-GO');
    expect(r.reasons).toEqual(['scenarios: required for GO, but not exercised: every check was skipped (1)']);
  });

  it('does not ask a partial run for the families it did not select', () => {
    expect(judgeReadiness(input([o('contract', 'a', 'passed')], { partial: true })).verdict).toBe('GO');
    expect(judgeReadiness(input([o('contract', 'a', 'passed')])).reasons).toEqual(['scenarios: required for GO, but not exercised: no check of this family ran']);
  });

  it('is NO-GO when a smoke or test-transaction scenario did not run, beside passing ones of its family', () => {
    const smoke = { ...o('scenarios', 'payout-happy', 'skipped', 'no scenario for rail SG-PAYNOW'), launch: ['smoke'] };
    const r = judgeReadiness(input([o('contract', 'a', 'passed'), o('scenarios', 'b', 'passed'), smoke]));
    expect(r.verdict).toBe('NO-GO');
    expect(r.reasons).toEqual(['launch scenarios: every smoke and test-transaction scenario must pass, and 1 did not run (payout-happy: no scenario for rail SG-PAYNOW)']);
    expect(r.checks.find((c) => c.name === 'payout-happy')).not.toHaveProperty('launch');
  });

  it('judges each rail of a partner serving several on the checks that serve it: a failed scenario of one rail holds back only that rail', () => {
    const pix = { ...o('scenarios', 'payout-happy', 'failed', '[partner-defect] step 1: expected status 201, got 500'), rail: 'BR-PIX' };
    const paynow = { ...o('scenarios', 'paynow-happy', 'passed'), rail: 'SG-PAYNOW' };
    const r = judgeReadiness(input([o('contract', 'a', 'passed'), pix, paynow], { partner: { id: 'p', name: 'P', rails: ['BR-PIX', 'SG-PAYNOW'], required: ['contract', 'scenarios'] } }));
    expect(r.verdict).toBe('NO-GO');
    expect(r.byRail).toEqual([
      { rail: 'BR-PIX', verdict: 'NO-GO', reasons: ['scenarios: 1 check failed (payout-happy)'] },
      { rail: 'SG-PAYNOW', verdict: 'GO', reasons: [] },
    ]);
    expect(readinessSummary([r])).toMatch(/\| ❌ NO-GO \| p \| BR-PIX \|[\s\S]*\| ✅ GO \| p \| SG-PAYNOW \|/);
    expect(readinessMarkdown(r)).toContain('- ✅ SG-PAYNOW: GO');
    expect(judgeReadiness(input([o('contract', 'a', 'passed')])).byRail).toBeUndefined();
  });

  it('is NO-GO when nothing ran', () => {
    expect(judgeReadiness(input([], { partial: true })).reasons).toEqual(['no check ran']);
  });

  it('is INCONCLUSIVE when a check broke inside railgate, naming each broken check and why', () => {
    const r = judgeReadiness(input([o('contract', 'a', 'broken', 'TypeError: x is undefined'), o('contract', 'b', 'passed'), o('scenarios', 'c', 'broken', 'Error: Test timed out in 120000ms.'), o('scenarios', 'd', 'passed')]));
    expect(r.verdict).toBe('INCONCLUSIVE');
    expect(r.families.contract).toEqual({ status: 'broken', passed: 1, failed: [], broken: ['a'], skipped: [] });
    expect(r.reasons).toEqual(['inconclusive: 2 checks broken inside railgate, not judged (contract › a: TypeError: x is undefined; scenarios › c: Error: Test timed out in 120000ms.)']);
    expect(r.reasons.join(' ')).not.toMatch(/partner|failed/);
  });

  it('is NO-GO when the partner failed a check, whatever else broke; the broken checks are still named', () => {
    const r = judgeReadiness(input([o('contract', 'a', 'failed', '[partner-defect] wrong'), o('contract', 'b', 'broken', 'Error: boom'), o('scenarios', 'c', 'passed')]));
    expect(r.verdict).toBe('NO-GO');
    expect(r.families.contract?.status).toBe('failed');
    expect(r.reasons).toEqual(['contract: 1 check failed (a)', 'inconclusive: 1 check broken inside railgate, not judged (contract › b: Error: boom)']);
  });

  it('is NO-GO when a required family was not exercised, even if another check broke', () => {
    const r = judgeReadiness(input([o('contract', 'a', 'broken', 'Error: boom')]));
    expect(r.verdict).toBe('NO-GO');
    expect(r.reasons[0]).toBe('scenarios: required for GO, but not exercised: no check of this family ran');
  });

  it('is never GO with a broken check: not in a partial run, not beside passes, not in a family not required', () => {
    const passes = [o('contract', 'a', 'passed'), o('scenarios', 'b', 'passed')];
    expect(judgeReadiness(input(passes)).verdict).toBe('GO');
    expect(judgeReadiness(input([...passes, o('errors', 'c', 'broken', 'Error: boom')])).verdict).toBe('INCONCLUSIVE');
    expect(judgeReadiness(input([o('contract', 'c', 'broken', '[configuration] no trigger')], { partial: true })).verdict).toBe('INCONCLUSIVE');
    // A family with broken checks among skipped ones is broken, not skipped: its required check was attempted.
    const r = judgeReadiness(input([o('contract', 'a', 'passed'), o('scenarios', 'b', 'skipped'), o('scenarios', 'c', 'broken', 'Error: boom')]));
    expect(r.families.scenarios?.status).toBe('broken');
    expect(r.verdict).toBe('INCONCLUSIVE');
  });

  it('renders Markdown with the verdict, the reasons and the checks that did not pass', () => {
    const md = readinessMarkdown(judgeReadiness(input([o('contract', 'a|b', 'failed', 'line1\nline2'), o('scenarios', 'b', 'passed')])));
    expect(md).toMatch(/^## ❌ P \(p\) — NO-GO/);
    expect(md).toContain('| a\\|b | contract | failed | line1 line2 |');
    expect(md).toContain('**Why NO-GO**');
  });

  it('renders an INCONCLUSIVE verdict as railgate\'s trouble, with each broken check and its reason', () => {
    const md = readinessMarkdown(judgeReadiness(input([o('contract', 'a', 'broken', 'Error: planted crash'), o('scenarios', 'b', 'passed')])));
    expect(md).toMatch(/^## ⚠️ P \(p\) — INCONCLUSIVE/);
    expect(md).toContain('**Why INCONCLUSIVE**');
    expect(md).toContain('nothing here is proven against the partner');
    expect(md).toContain('| contract | broken | 0 | 0 | 1 | 0 |');
    expect(md).toContain('| a | contract | **broken** (railgate) | Error: planted crash |');
  });
});
