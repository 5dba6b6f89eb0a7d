import { readFileSync } from 'node:fs';
import { matchCategory, normalizeCategoriesConfig } from '@allurereport/core-api';
import { describe, expect, it } from 'vitest';
import { judgeReadiness } from '../readiness/index.ts';
import type { CheckOutcome } from '../readiness/index.ts';
import { verdictResult, withVerdicts } from './allure-verdicts.ts';

const o = (name: string, status: CheckOutcome['status']): CheckOutcome => ({ partner: 'pixpay', family: 'contract', name, status, severity: 'normal', durationMs: 1, operations: ['createPayout'] });
const judge = (outcomes: CheckOutcome[]) =>
  judgeReadiness({ partner: { id: 'pixpay', name: 'PixPay', rails: ['BR-PIX'] }, contract: { title: 'C', version: '1', hash: 'h' }, environment: 'simulator', seed: 1, partial: false, outcomes, now: new Date('2026-11-21T10:00:00Z') });
const config = JSON.parse(readFileSync(new URL('./allurerc.json', import.meta.url), 'utf8')) as { categories: Parameters<typeof normalizeCategoriesConfig>[0]; historyPath: string };

describe('the verdict in the Allure report', () => {
  it('is a test of the partner’s, failed on NO-GO, one step per criterion, the unmet first', () => {
    const r = verdictResult(judge([o('createPayout answers conform to the contract', 'failed'), o('examples validate', 'passed')]), 'x-attachment.md');
    expect(r).toMatchObject({ name: 'pixpay readiness: NO-GO', status: 'failed', statusDetails: { message: 'contract: 1 check failed (createPayout answers conform to the contract)' }, attachments: [{ source: 'x-attachment.md', type: 'text/markdown' }] });
    expect(r.labels).toEqual(expect.arrayContaining([{ name: 'parentSuite', value: 'pixpay' }, { name: 'suite', value: 'readiness' }, { name: 'epic', value: 'BR-PIX' }]));
    expect((r.steps as { name: string; status: string }[])[0]).toMatchObject({ name: expect.stringMatching(/^contract checks pass: 1 passed, 1 failed/), status: 'failed' });
    // One history line per partner across runs: the id is the partner's, whatever the run.
    expect(r.historyId).toBe(verdictResult(judge([o('a', 'passed')]), 'y').historyId);
  });

  it('is passed on GO, and NO-GO and INCONCLUSIVE verdicts have a category of their own', () => {
    expect(verdictResult(judge([o('a', 'passed')]), 'x').status).toBe('passed');
    const categories = normalizeCategoriesConfig(config.categories);
    const r = verdictResult(judge([o('a', 'broken')]), 'x');
    expect(r.status).toBe('broken');
    expect(matchCategory(categories, { status: 'broken', labels: r.labels as { name: string; value: string }[], flaky: false, message: 'inconclusive: …' })?.name).toBe('Launch verdicts: NO-GO and INCONCLUSIVE');
    expect(config.historyPath).toBe('history.jsonl');
  });
});

describe('withVerdicts', () => {
  it('puts each partner’s verdict first in the report’s metadata, replacing an earlier one', () => {
    const r = judge([o('createPayout answers conform to the contract', 'failed')]);
    expect(withVerdicts('pixpay.verdict=GO\nenvironment=simulator\nseed=1\n', [r])).toBe('pixpay.verdict=NO-GO: contract: 1 check failed (createPayout answers conform to the contract)\nenvironment=simulator\nseed=1\n');
  });
});
