import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadContract } from '../contract/index.ts';
import type { Contract } from '../contract/index.ts';
import type { Profile } from '../profile/model.ts';
import { unsafeRetries } from './unsafe-retries.ts';

let contract: Contract;
beforeAll(async () => {
  contract = await loadContract(path.resolve(import.meta.dirname, '../../contracts/pixpay/pixpay.openapi.yaml'));
});

const profile = (over: Partial<Profile>): Profile => ({ id: 'pixpay', name: 'P', contract: 'c', rails: ['BR-PIX'], environments: {}, errors: { code: '/error/code', map: {} }, ...over });
const keyed = { header: 'Idempotency-Key', operations: ['createPayout', 'createCharge'] };

describe('unsafeRetries: a non-idempotent operation is never retried once the partner may have the request', () => {
  test('an idempotent POST may retry 5xx, resets and timeouts', () => {
    expect(unsafeRetries(profile({ idempotency: keyed, retry: {} }), contract)).toEqual([]);
  });

  test('a POST without a key, retried by the defaults, is located at the section', () => {
    const [u, ...rest] = unsafeRetries(profile({ retry: {} }), contract);
    expect(rest.map((r) => r.operationId)).toEqual(['createCharge']);
    expect(u).toMatchObject({ operationId: 'createPayout', path: ['retry'] });
    expect(u?.message).toMatch(/^createPayout \(POST, no idempotency key\) would be retried after 502, 503, 504, a reset, a timeout/);
  });

  test('located at the override that asks for it', () => {
    const retry = { on: { statuses: [429] }, operations: { createPayout: { on: { statuses: [429, 503] } } } };
    expect(unsafeRetries(profile({ retry }), contract)[0]?.path).toEqual(['retry', 'operations', 'createPayout', 'on', 'statuses']);
  });

  test('429 and refused are safe; attempts: 1 never retries', () => {
    expect(unsafeRetries(profile({ retry: { on: { statuses: [429], network: ['refused'] } } }), contract)).toEqual([]);
    expect(unsafeRetries(profile({ retry: { operations: { createPayout: { attempts: 1 }, createCharge: { attempts: 1 } } } }), contract)).toEqual([]);
  });

  test('a partner code is safe only when the contract shows it under 4xx alone', () => {
    const on = (codes: string[]) => ({ retry: { on: { statuses: [], network: [], codes } } });
    expect(unsafeRetries(profile(on(['RATE_LIMITED'])), contract)).toEqual([]);
    expect(unsafeRetries(profile(on(['SERVICE_UNAVAILABLE'])), contract)[0]?.message).toMatch(/after code SERVICE_UNAVAILABLE/);
  });
});
