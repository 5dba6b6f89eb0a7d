import { describe, expect, it } from 'vitest';
import type { Operation } from '../../contract/index.ts';
import { triggerOverrides } from './trigger-request.ts';

const getPayout: Operation = {
  id: 'getPayout',
  method: 'get',
  path: '/payouts/{payoutId}',
  pointer: '/paths/~1payouts~1{payoutId}/get',
  tags: [],
  parameters: [{ name: 'payoutId', in: 'path', required: true }],
  responses: [],
  security: [],
  mutating: false,
};

describe('triggerOverrides', () => {
  it('sorts params into path and query by where the operation declares them', () => {
    expect(triggerOverrides(getPayout, { code: 'X', operation: 'getPayout', params: { payoutId: 'po_nope', magic: 404 } })).toEqual({
      params: { payoutId: 'po_nope' },
      query: { magic: 404 },
    });
  });

  it('carries headers and the body fragment, and nothing the trigger does not name', () => {
    expect(triggerOverrides(getPayout, { code: 'X', operation: 'getPayout', headers: { 'X-Magic': '1' }, body: { amount: 0 } })).toEqual({
      headers: { 'X-Magic': '1' },
      body: { amount: 0 },
    });
    expect(triggerOverrides(getPayout, { code: 'X', operation: 'getPayout' })).toEqual({});
  });
});
