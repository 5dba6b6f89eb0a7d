import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { errorsProfileSchema } from './profile-schema.ts';
import type { ErrorsSpec } from './types.ts';

// strict: unknown keywords and type gaps fail compilation, so the fragment works in any Ajv set-up.
const ajv = new Ajv2020({ strict: true, strictTypes: true, allErrors: true });
const validate = ajv.compile(errorsProfileSchema);

const example: ErrorsSpec = {
  code: '/error/code',
  message: 'error.message',
  map: {
    PIX_KEY_NOT_FOUND: { canonical: 'AC01' },
    INSUFFICIENT_BALANCE: { canonical: 'AM04', retry: 'never' },
  },
  byStatus: { '401': 'AUTHENTICATION_FAILED', '429': 'RATE_LIMITED', '5xx': 'PARTNER_UNAVAILABLE', '4XX': 'VALIDATION_FAILED' },
  triggers: [
    {
      code: 'PIX_KEY_NOT_FOUND',
      operation: 'createPayout',
      body: { creditor: { pixKey: 'notfound@pixpay.example' } },
      params: { country: 'BR', amount: 10, dryRun: true },
      headers: { 'x-scenario': 'not-found' },
      status: 422,
    },
  ],
};

describe('errorsProfileSchema', () => {
  test('accepts the documented example', () => {
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ code: '', map: {} })).toBe(true);
  });

  test.each([
    ['an unknown key', { ...example, codes: '/x' }, '', 'additionalProperties'],
    ['a missing map', { code: '/error/code' }, '', 'required'],
    ['a map entry without canonical', { code: '/c', map: { X: { retry: 'never' } } }, '/map/X', 'required'],
    ['an unknown retry class', { code: '/c', map: { X: { canonical: 'AC01', retry: 'later' } } }, '/map/X/retry', 'enum'],
    ['a bad status key', { code: '/c', map: {}, byStatus: { '5**': 'TIMEOUT' } }, '/byStatus', 'pattern'],
    ['a bad pointer escape', { code: '/error/c~2de', map: {} }, '/code', 'pattern'],
    ['a trigger without operation', { code: '/c', map: {}, triggers: [{ code: 'X' }] }, '/triggers/0', 'required'],
    ['a trigger status out of range', { code: '/c', map: {}, triggers: [{ code: 'X', operation: 'o', status: 302 }] }, '/triggers/0/status', 'minimum'],
  ])('rejects %s', (_, data, instancePath, keyword) => {
    expect(validate(data)).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ instancePath, keyword }));
  });

  test('embeds in a profile schema', () => {
    const profile = new Ajv2020({ strict: true }).compile({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { errors: errorsProfileSchema },
    });
    expect(profile({ errors: example })).toBe(true);
    expect(profile({ errors: { code: 1, map: {} } })).toBe(false);
  });
});
