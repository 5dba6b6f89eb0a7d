import { describe, expect, it } from 'vitest';
import { loadPartner } from '../../partner/index.ts';
import type { Partner } from '../../partner/index.ts';
import { REPO } from '../../../test/helpers/workspace.ts';
import { idempotencyFamily } from './family.ts';
import { idempotencySubject } from './subject.ts';

async function partner(id: string): Promise<Partner> {
  const cwd = process.cwd();
  process.chdir(REPO);
  try {
    return await loadPartner(`partners/${id}.yaml`, '.');
  } finally {
    process.chdir(cwd);
  }
}

describe('idempotencySubject', () => {
  it('counts pixpay payouts by its list filtered by our reference', async () => {
    const s = idempotencySubject(await partner('pixpay'), 'createPayout');
    expect('skip' in s ? s : { via: s.count.via, query: s.count.via === 'list' ? s.count.query : undefined, ref: s.referencePointer }).toEqual({ via: 'list', query: 'reference', ref: '/reference' });
  });

  it('counts by reading the ids seen when the profile names no list operation, and says why', async () => {
    const lionbank = await partner('lionbank');
    expect(idempotencySubject(lionbank, 'createPayout')).toMatchObject({ count: { via: 'list', query: 'reference' } });
    const payout = { ...lionbank.profile.transactions!.payout! };
    delete payout.list;
    const unlisted = { ...lionbank, profile: { ...lionbank.profile, transactions: { payout } } };
    const s = idempotencySubject(unlisted, 'createPayout');
    expect('skip' in s ? s : s.count).toMatchObject({ via: 'read', idParam: 'payoutId', why: 'the profile names no list operation' });
  });
});

describe('idempotencyFamily.plan', () => {
  it('generates the six checks for every idempotent operation, blockers that move money', async () => {
    const checks = idempotencyFamily.plan(await partner('pixpay'));
    const six = ['replay', 'mismatch', 'concurrency', 'missing-key', 'lost-response', 'distinct-keys'];
    expect(checks.map((c) => c.tags[1])).toEqual([...six, ...six]); // createPayout, then createCharge
    expect(checks.every((c) => c.family === 'idempotency' && c.severity === 'blocker' && c.destructive)).toBe(true);
    expect(checks[2]?.name).toBe('createPayout concurrency: 10 simultaneous requests with one key make one transaction');
  });
});
