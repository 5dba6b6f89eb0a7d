import { describe, expect, it } from 'vitest';
import type { Exchange } from '../http/index.ts';
import { groupedByFinding } from './listed.ts';

const ex = (seq: number): Exchange => ({ seq, request: { method: 'POST', url: 'http://127.0.0.1:1/v2/payouts', headers: {} }, startedAt: '', durationMs: 0 }) as Exchange;

describe('groupedByFinding', () => {
  it('tells a finding repeated in many answers once, with how many and where, in the order first seen', () => {
    const drift = 'createPayout 201: body /amount must be integer';
    const found = [...[3, 5, 9, 11, 14, 20].map((n) => ({ exchange: ex(n), finding: drift })), { exchange: ex(7), finding: 'createPayout 201: body has unknown property id' }];
    expect(groupedByFinding(found)).toEqual([
      `${drift} — 6 answers (exchange #3 POST /v2/payouts, #5, #9, #11 and 2 more)`,
      'exchange #7 POST /v2/payouts: createPayout 201: body has unknown property id',
    ]);
  });
});
