import { describe, expect, test } from 'vitest';
import { loadVocabulary } from './load-vocabulary.ts';
import { UNMAPPED, mapError } from './map-error.ts';
import type { ErrorsSpec } from './types.ts';

const vocabulary = await loadVocabulary();
const spec: ErrorsSpec = {
  code: '/error/code',
  message: '/error/message',
  map: {
    PIX_KEY_NOT_FOUND: { canonical: 'AC01' },
    INSUFFICIENT_BALANCE: { canonical: 'AM04', retry: 'never' },
    PSP_BUSY: { canonical: 'PARTNER_UNAVAILABLE', retry: 'after' },
    LEGACY: { canonical: 'NOT_A_CODE' },
  },
  byStatus: { '401': 'AUTHENTICATION_FAILED', '429': 'RATE_LIMITED', '5xx': 'PARTNER_UNAVAILABLE' },
};
const body = (code: string, message?: string) => ({ error: { code, ...(message !== undefined && { message }) } });

describe('mapError', () => {
  test.each([200, 201, 204])('a %i is no error, whatever its body', (status) => {
    expect(mapError({ status, body: body('PIX_KEY_NOT_FOUND') }, spec, vocabulary)).toBeUndefined();
  });

  test('a mapped partner code takes the vocabulary\'s retry class and category', () => {
    expect(mapError({ status: 422, body: body('PIX_KEY_NOT_FOUND', 'key not found') }, spec, vocabulary)).toEqual({
      partnerCode: 'PIX_KEY_NOT_FOUND',
      canonical: 'AC01',
      retry: 'never',
      category: 'account',
      mappedBy: 'map',
      message: 'key not found',
    });
  });

  test('the map entry\'s retry overrides the vocabulary\'s', () => {
    expect(mapError({ status: 503, body: body('PSP_BUSY') }, spec, vocabulary)).toMatchObject({
      canonical: 'PARTNER_UNAVAILABLE',
      retry: 'after',
      category: 'technical',
      mappedBy: 'map',
    });
  });

  test('the body\'s code wins over the status rule', () => {
    expect(mapError({ status: 500, body: body('INSUFFICIENT_BALANCE') }, spec, vocabulary)).toMatchObject({
      canonical: 'AM04',
      mappedBy: 'map',
    });
  });

  test.each([
    [401, 'AUTHENTICATION_FAILED', 'never', 'auth'],
    [429, 'RATE_LIMITED', 'after', 'technical'],
    [502, 'PARTNER_UNAVAILABLE', 'safe', 'technical'],
  ])('a %i without a code falls back to byStatus: %s', (status, canonical, retry, category) => {
    expect(mapError({ status, body: '<html>Bad Gateway</html>' }, spec, vocabulary)).toEqual({
      canonical,
      retry,
      category,
      mappedBy: 'status',
    });
  });

  test('an unmapped partner code is reported as such, not coerced to the status rule', () => {
    expect(mapError({ status: 503, body: body('NEW_CODE', 'surprise') }, spec, vocabulary)).toEqual({
      partnerCode: 'NEW_CODE',
      canonical: UNMAPPED,
      retry: 'never',
      category: 'other',
      mappedBy: 'unmapped',
      message: 'surprise',
    });
  });

  test('a partner code named like an Object property is unmapped, not a prototype hit', () => {
    expect(mapError({ status: 400, body: body('constructor') }, spec, vocabulary)).toMatchObject({
      partnerCode: 'constructor',
      mappedBy: 'unmapped',
    });
  });

  test('no code and no status rule is unmapped', () => {
    expect(mapError({ status: 404, body: {} }, spec, vocabulary)).toEqual({
      canonical: UNMAPPED,
      retry: 'never',
      category: 'other',
      mappedBy: 'unmapped',
    });
    expect(mapError({ status: 500, body: {} }, { code: '/code', map: {} }, vocabulary)).toMatchObject({ mappedBy: 'unmapped' });
  });

  test('a map target outside the vocabulary keeps its name, never retried', () => {
    expect(mapError({ status: 400, body: body('LEGACY') }, spec, vocabulary)).toEqual({
      partnerCode: 'LEGACY',
      canonical: 'NOT_A_CODE',
      retry: 'never',
      category: 'other',
      mappedBy: 'map',
    });
  });

  test('reads JSON text bodies', () => {
    expect(mapError({ status: 422, body: JSON.stringify(body('PIX_KEY_NOT_FOUND')) }, spec, vocabulary)).toMatchObject({
      canonical: 'AC01',
    });
  });
});
