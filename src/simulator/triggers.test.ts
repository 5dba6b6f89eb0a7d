import { describe, expect, it } from 'vitest';
import type { Operation } from '../contract/index.ts';
import type { ErrorsSpec } from '../errors/index.ts';
import { UNDOCUMENTED_CODE, answerTrigger } from './triggers.ts';
import type { TriggerRequest } from './triggers.ts';

const media = (examples: Record<string, unknown>) => [{ contentType: 'application/json', examples }];
const createPayout: Operation = {
  id: 'createPayout',
  method: 'post',
  path: '/payouts',
  pointer: '/paths/~1payouts/post',
  tags: [],
  parameters: [],
  security: [],
  mutating: true,
  responses: [
    { status: '201', description: '', content: media({}), headers: [] },
    { status: '400', description: '', content: media({ invalid: { error: { code: 'INVALID_REQUEST' } } }), headers: [] },
    { status: '422', description: '', content: media({ keyNotFound: { error: { code: 'PIX_KEY_NOT_FOUND' } } }), headers: [] },
  ],
};

const spec: ErrorsSpec = {
  code: '/error/code',
  map: {},
  triggers: [
    { code: 'PIX_KEY_NOT_FOUND', operation: 'createPayout', body: { creditor: { pixKey: 'nope@x' } } },
    { code: 'IN_FLIGHT', operation: 'createPayout', headers: { 'Idempotency-Key': 'magic-in-flight' }, status: 409 },
    { code: 'LOOKUP', operation: 'createPayout', params: { country: 'BR' } },
    { code: 'NEVER', operation: 'createPayout' },
  ],
};

const request = (over: Partial<TriggerRequest> = {}): TriggerRequest => ({ body: { amount: 1 }, pathParams: {}, query: {}, headers: {}, ...over });
const none = new Set<string>();

describe('answerTrigger', () => {
  it('answers a body fragment with the status the contract documents for the code', () => {
    expect(answerTrigger(spec, createPayout, request({ body: { amount: 1, creditor: { pixKey: 'nope@x', name: 'A' } } }), none)).toEqual({
      status: 422,
      code: 'PIX_KEY_NOT_FOUND',
      message: 'simulated PIX_KEY_NOT_FOUND',
    });
  });

  it('matches headers case-insensitively by name and params by path or query value', () => {
    expect(answerTrigger(spec, createPayout, request({ headers: { 'idempotency-key': 'magic-in-flight' } }), none)).toMatchObject({ status: 409, code: 'IN_FLIGHT' });
    expect(answerTrigger(spec, createPayout, request({ query: { country: 'BR' } }), none)).toMatchObject({ code: 'LOOKUP', status: 422 });
  });

  it('ignores requests that carry no trigger, and triggers that name nothing to match', () => {
    expect(answerTrigger(spec, createPayout, request(), none)).toBeUndefined();
    expect(answerTrigger(spec, { ...createPayout, id: 'getPayout' }, request({ body: { creditor: { pixKey: 'nope@x' } } }), none)).toBeUndefined();
    expect(answerTrigger(undefined, createPayout, request(), none)).toBeUndefined();
  });

  it('plants undocumented-error-code: a code neither contract nor map knows', () => {
    const answer = answerTrigger(spec, createPayout, request({ body: { creditor: { pixKey: 'nope@x' } } }), new Set(['undocumented-error-code']));
    expect(answer).toMatchObject({ status: 422, code: UNDOCUMENTED_CODE });
  });

  it('plants wrong-error-status: the documented code under another status the operation documents', () => {
    const answer = answerTrigger(spec, createPayout, request({ body: { creditor: { pixKey: 'nope@x' } } }), new Set(['wrong-error-status']));
    expect(answer).toMatchObject({ status: 400, code: 'PIX_KEY_NOT_FOUND' });
  });
});
