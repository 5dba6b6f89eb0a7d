import { describe, expect, test } from 'vitest';
import { errorCoverage } from './coverage.ts';
import { UNMAPPED } from './map-error.ts';
import type { ErrorObservation } from './types.ts';

const map = {
  PIX_KEY_NOT_FOUND: { canonical: 'AC01' },
  INSUFFICIENT_BALANCE: { canonical: 'AM04' },
  PSP_DOWN: { canonical: 'PARTNER_UNAVAILABLE' },
  ACCOUNT_CLOSED: { canonical: 'AC04' },
};

describe('errorCoverage', () => {
  test('builds the matrix and the share of mapped codes exercised', () => {
    const observations: ErrorObservation[] = [
      { partnerCode: 'PIX_KEY_NOT_FOUND', status: 422, canonical: 'AC01', operationId: 'createPayout' },
      { partnerCode: 'PIX_KEY_NOT_FOUND', status: 422, canonical: 'AC01', operationId: 'createPayout' },
      { partnerCode: 'PSP_DOWN', status: 503, canonical: 'PARTNER_UNAVAILABLE', operationId: 'createPayout' },
      { partnerCode: 'PSP_DOWN', status: 500, canonical: 'PARTNER_UNAVAILABLE', operationId: 'getPayout' },
      { status: 429, canonical: 'RATE_LIMITED', operationId: 'createPayout' },
    ];
    expect(errorCoverage(map, observations)).toEqual({
      coverage: 0.5,
      matrix: [
        { code: 'PIX_KEY_NOT_FOUND', status: 422, canonical: 'AC01', exercised: true },
        { code: 'INSUFFICIENT_BALANCE', canonical: 'AM04', exercised: false },
        { code: 'PSP_DOWN', status: 500, canonical: 'PARTNER_UNAVAILABLE', exercised: true },
        { code: 'PSP_DOWN', status: 503, canonical: 'PARTNER_UNAVAILABLE', exercised: true },
        { code: 'ACCOUNT_CLOSED', canonical: 'AC04', exercised: false },
      ],
      unmapped: [],
    });
  });

  test('lists unmapped codes, and code-less errors nothing mapped, once each', () => {
    const observations: ErrorObservation[] = [
      { partnerCode: 'NEW_CODE', status: 400, canonical: UNMAPPED, operationId: 'createPayout' },
      { partnerCode: 'NEW_CODE', status: 400, canonical: UNMAPPED, operationId: 'createPayout' },
      { partnerCode: 'NEW_CODE', status: 400, canonical: UNMAPPED, operationId: 'createRefund' },
      { partnerCode: 'constructor', status: 400, canonical: UNMAPPED, operationId: 'createPayout' },
      { status: 418, canonical: UNMAPPED, operationId: 'getPayout' },
    ];
    expect(errorCoverage(map, observations)).toMatchObject({
      coverage: 0,
      unmapped: [
        { code: 'NEW_CODE', status: 400, operationId: 'createPayout' },
        { code: 'NEW_CODE', status: 400, operationId: 'createRefund' },
        { code: 'constructor', status: 400, operationId: 'createPayout' },
        { status: 418, operationId: 'getPayout' },
      ],
    });
  });

  test('an empty map is fully covered', () => {
    expect(errorCoverage({}, [])).toEqual({ coverage: 1, matrix: [], unmapped: [] });
  });

  test('every mapped code exercised is coverage 1', () => {
    const all = Object.entries(map).map(([code, { canonical }]) => ({ partnerCode: code, status: 422, canonical, operationId: 'op' }));
    expect(errorCoverage(map, all).coverage).toBe(1);
  });
});
