import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../../errors/index.ts';
import type { DocumentedCode, ErrorsSpec } from '../../errors/index.ts';
import { expectTrigger, judgeTriggerAnswer } from './judge-trigger.ts';
import type { TriggerJudgeContext } from './judge-trigger.ts';

const vocabulary = await loadVocabulary();
const spec: ErrorsSpec = {
  code: '/error/code',
  map: { PIX_KEY_NOT_FOUND: { canonical: 'AC03' }, IN_FLIGHT: { canonical: 'IN_FLIGHT' }, LEGACY: { canonical: 'MS03' } },
  byStatus: { '5xx': 'PARTNER_UNAVAILABLE' },
};
const documented: DocumentedCode[] = [
  { code: 'PIX_KEY_NOT_FOUND', status: 422, where: "createPayout 422 example 'keyNotFound'" },
  { code: 'IN_FLIGHT', where: 'createPayout 409 enum' },
];
const ctx: TriggerJudgeContext = { spec, vocabulary, documented, contractIssues: [] };
const body = (code: string) => ({ error: { code, message: 'm' } });
const want = { code: 'PIX_KEY_NOT_FOUND', statuses: [422], canonical: 'AC03' };

describe('expectTrigger', () => {
  it('takes the statuses the contract documents for the code', () => {
    expect(expectTrigger({ code: 'PIX_KEY_NOT_FOUND', operation: 'createPayout' }, spec, documented)).toEqual(want);
  });

  it("prefers the trigger's own status", () => {
    expect(expectTrigger({ code: 'IN_FLIGHT', operation: 'createPayout', status: 409 }, spec, documented)).toEqual({ code: 'IN_FLIGHT', statuses: [409], canonical: 'IN_FLIGHT' });
  });

  it('says why there is no expectation: no status known, or no map entry', () => {
    expect(expectTrigger({ code: 'IN_FLIGHT', operation: 'createPayout' }, spec, documented)).toBe("the contract does not say which status carries 'IN_FLIGHT': give the trigger a status");
    expect(expectTrigger({ code: 'NOPE', operation: 'createPayout' }, spec, documented)).toBe("'NOPE' has no entry in errors.map");
  });
});

describe('judgeTriggerAnswer', () => {
  it('accepts the documented code, status and mapping', () => {
    expect(judgeTriggerAnswer(want, { status: 422, body: body('PIX_KEY_NOT_FOUND') }, ctx)).toEqual([]);
  });

  it('names a code that neither the contract nor the map knows', () => {
    expect(judgeTriggerAnswer(want, { status: 422, body: body('SIM_X') }, ctx)).toEqual([
      "answered partner code 'SIM_X' instead of 'PIX_KEY_NOT_FOUND': neither the contract nor errors.map knows 'SIM_X'",
      'railgate maps the answer to UNMAPPED (by unmapped), expected AC03 for \'PIX_KEY_NOT_FOUND\'',
    ]);
    expect(judgeTriggerAnswer(want, { status: 422, body: body('LEGACY') }, ctx)[0]).toBe(
      "answered partner code 'LEGACY' instead of 'PIX_KEY_NOT_FOUND': the contract does not document 'LEGACY'",
    );
  });

  it('names the code that came back under another status', () => {
    expect(judgeTriggerAnswer(want, { status: 400, body: body('PIX_KEY_NOT_FOUND') }, ctx)).toEqual([
      "'PIX_KEY_NOT_FOUND' came back with HTTP 400; expected 422 for 'PIX_KEY_NOT_FOUND'",
    ]);
  });

  it('reports a body without a code, and where it breaks the contract', () => {
    const problems = judgeTriggerAnswer(want, { status: 503, body: '<html>busy</html>' }, { ...ctx, contractIssues: ['createPayout 503: body must be object'] });
    expect(problems).toEqual([
      "expected partner code 'PIX_KEY_NOT_FOUND' at /error/code, the body carries none",
      "'PIX_KEY_NOT_FOUND' came back with HTTP 503; expected 422 for 'PIX_KEY_NOT_FOUND'",
      "the 'PIX_KEY_NOT_FOUND' answer breaks the contract: createPayout 503: body must be object",
      "railgate maps the answer to PARTNER_UNAVAILABLE (by status), expected AC03 for 'PIX_KEY_NOT_FOUND'",
    ]);
  });
});
