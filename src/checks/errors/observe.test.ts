import { describe, expect, it } from 'vitest';
import { errorCoverage, loadVocabulary } from '../../errors/index.ts';
import type { ErrorsSpec } from '../../errors/index.ts';
import type { Exchange } from '../../http/index.ts';
import { describeUnmapped, observeErrors } from './observe.ts';

const vocabulary = await loadVocabulary();
const spec: ErrorsSpec = { code: '/error/code', map: { PIX_KEY_NOT_FOUND: { canonical: 'AC03' }, RATE_LIMITED: { canonical: 'RATE_LIMITED' } }, byStatus: { '5xx': 'PARTNER_UNAVAILABLE' } };

let seq = 0;
function exchange(status: number | undefined, body?: unknown, operationId = 'createPayout'): Exchange {
  return {
    seq: ++seq,
    request: { operationId, method: 'POST', url: 'http://127.0.0.1:4010/v2/payouts?x=1', headers: {} },
    ...(status !== undefined && { response: { status, headers: {}, bodyText: JSON.stringify(body), body } }),
    ...(status === undefined && { error: { code: 'UND_ERR_HEADERS_TIMEOUT', message: 'timeout' } }),
    startedAt: '2026-11-21T14:00:00.000Z',
    durationMs: 1,
  };
}

const run = [
  exchange(201, { id: 'po_1' }),
  exchange(422, { error: { code: 'PIX_KEY_NOT_FOUND' } }),
  exchange(undefined),
  exchange(422, { error: { code: 'KEY_SUSPENDED' } }),
  exchange(502, '<html>bad gateway</html>'),
  exchange(418, {}),
];

describe('observeErrors', () => {
  it('maps every error answer of the run, with the request that produced it', () => {
    const seen = observeErrors(run, spec, vocabulary);
    expect(seen.map((s) => [s.seq, s.partnerCode, s.status, s.canonical, s.mappedBy])).toEqual([
      [2, 'PIX_KEY_NOT_FOUND', 422, 'AC03', 'map'],
      [4, 'KEY_SUSPENDED', 422, 'UNMAPPED', 'unmapped'],
      [5, undefined, 502, 'PARTNER_UNAVAILABLE', 'status'],
      [6, undefined, 418, 'UNMAPPED', 'unmapped'],
    ]);
    expect(seen[0]).toMatchObject({ request: 'POST /v2/payouts', operationId: 'createPayout' });
  });

  it('lists what nothing maps, naming the code and the exchange', () => {
    expect(describeUnmapped(observeErrors(run, spec, vocabulary))).toEqual([
      "partner code 'KEY_SUSPENDED' (HTTP 422) from exchange #4 POST /v2/payouts (createPayout)",
      'an error without a partner code and no byStatus rule (HTTP 418) from exchange #6 POST /v2/payouts (createPayout)',
    ]);
  });

  it('feeds errorCoverage: exercised codes by status', () => {
    const coverage = errorCoverage(spec.map, observeErrors(run, spec, vocabulary));
    expect(coverage.coverage).toBe(0.5);
    expect(coverage.matrix).toEqual([
      { code: 'PIX_KEY_NOT_FOUND', status: 422, canonical: 'AC03', exercised: true },
      { code: 'RATE_LIMITED', canonical: 'RATE_LIMITED', exercised: false },
    ]);
  });
});
