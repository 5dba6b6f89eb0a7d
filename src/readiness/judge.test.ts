import { describe, expect, it } from 'vitest';
import { judgeReadiness } from './judge.ts';
import type { JudgeInput } from './judge.ts';
import type { CheckOutcome } from './model.ts';
import { readinessMarkdown } from './markdown.ts';

const o = (family: CheckOutcome['family'], name: string, status: CheckOutcome['status'], reason?: string): CheckOutcome => ({ partner: 'p', family, name, status, severity: 'normal', durationMs: 1, reason });

function input(outcomes: CheckOutcome[], over: Partial<JudgeInput> = {}): JudgeInput {
  return { partner: { id: 'p', name: 'P', rails: ['BR-PIX'], required: ['contract', 'scenarios'] }, contract: { title: 'C', version: '1', hash: 'sha256:00' }, environment: 'simulator', seed: 1, partial: false, outcomes, now: new Date(0), ...over };
}

describe('judgeReadiness', () => {
  it('is GO when every required family passed', () => {
    const r = judgeReadiness(input([o('contract', 'a', 'passed'), o('scenarios', 'b', 'passed'), o('scenarios', 'c', 'skipped', 'no sandbox')]));
    expect(r.verdict).toBe('GO');
    expect(r.families.scenarios).toEqual({ status: 'passed', passed: 1, failed: [], skipped: ['c'] });
  });

  it('is NO-GO naming the failed checks', () => {
    const r = judgeReadiness(input([o('contract', 'a', 'failed', 'drift'), o('scenarios', 'b', 'passed')]));
    expect(r.verdict).toBe('NO-GO');
    expect(r.families.contract).toEqual({ status: 'failed', passed: 0, failed: ['a'], skipped: [] });
    expect(r.reasons).toEqual(['contract: 1 check failed (a)']);
  });

  it('never counts skipped as passed: a required family that was all skipped is NO-GO', () => {
    const r = judgeReadiness(input([o('contract', 'a', 'passed'), o('scenarios', 'b', 'skipped')]));
    expect(r.verdict).toBe('NO-GO');
    expect(r.reasons).toEqual(['scenarios: required for GO, but every check was skipped']);
  });

  it('does not ask a partial run for the families it did not select', () => {
    expect(judgeReadiness(input([o('contract', 'a', 'passed')], { partial: true })).verdict).toBe('GO');
    expect(judgeReadiness(input([o('contract', 'a', 'passed')])).reasons).toEqual(['scenarios: required for GO, but no check of this family ran']);
  });

  it('is NO-GO when nothing ran', () => {
    expect(judgeReadiness(input([], { partial: true })).reasons).toEqual(['no check ran']);
  });

  it('renders Markdown with the verdict, the reasons and the checks that did not pass', () => {
    const md = readinessMarkdown(judgeReadiness(input([o('contract', 'a|b', 'failed', 'line1\nline2'), o('scenarios', 'b', 'passed')])));
    expect(md).toMatch(/^## ❌ P \(p\) — NO-GO/);
    expect(md).toContain('| a\\|b | contract | failed | line1 line2 |');
  });
});
