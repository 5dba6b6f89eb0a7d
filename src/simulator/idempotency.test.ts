import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { createClock } from '../clock/index.ts';
import { loadPartner } from '../partner/index.ts';
import type { Partner } from '../partner/index.ts';
import { REPO } from '../../test/helpers/workspace.ts';
import { startSimulator } from './server.ts';
import type { Simulator } from './server.ts';

// The simulator's key store behind its real loopback server, on a scaled clock (a create takes 10 ms).
let partner: Partner;
beforeAll(async () => {
  const cwd = process.cwd();
  process.chdir(REPO);
  try {
    const loaded = await loadPartner('partners/pixpay.yaml', '.');
    // Signing is the auth family's concern: here the key store alone, so requests go unsigned.
    partner = { ...loaded, profile: { ...loaded.profile, auth: undefined } };
  } finally {
    process.chdir(cwd);
  }
});

const payout = (reference: string, amount = 1500) => ({ amount, currency: 'BRL', reference, creditor: { pixKey: 'maria@example.com', pixKeyType: 'EMAIL' } });

async function create(sim: Simulator, key: string | undefined, body: unknown): Promise<{ status: number; id?: string; code?: string; replayed: boolean }> {
  const res = await request(`${sim.baseUrl}/payouts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key && { 'idempotency-key': key }) },
    body: JSON.stringify(body),
  });
  const json = (await res.body.json()) as { id?: string; error?: { code: string } };
  return { status: res.statusCode, id: json.id, code: json.error?.code, replayed: res.headers['idempotent-replayed'] === 'true' };
}

async function listed(sim: Simulator, reference: string): Promise<string[]> {
  const res = await request(`${sim.baseUrl}/payouts?reference=${reference}`);
  return ((await res.body.json()) as { data: Array<{ id: string }> }).data.map((p) => p.id);
}

async function withSimulator(defects: string[], fn: (sim: Simulator) => Promise<void>): Promise<void> {
  const sim = await startSimulator({ partner, seed: 7, defects, clock: createClock({ scale: 0.01 }) });
  try {
    await fn(sim);
  } finally {
    await sim.close();
  }
}

describe('the simulator key store (clean)', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ partner, seed: 7, clock: createClock({ scale: 0.01 }) });
  });
  afterAll(() => sim.close());

  it('replays the original answer, marked, for the same key and body', async () => {
    const first = await create(sim, 'key-replay-0000000001', payout('R-replay'));
    const again = await create(sim, 'key-replay-0000000001', payout('R-replay'));
    expect(first).toMatchObject({ status: 201, replayed: false });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await listed(sim, 'R-replay')).toEqual([first.id]);
  });

  it('answers the documented conflict for the same key with another body', async () => {
    await create(sim, 'key-mismatch-00000001', payout('R-mismatch'));
    expect(await create(sim, 'key-mismatch-00000001', payout('R-mismatch', 1501))).toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await listed(sim, 'R-mismatch')).toHaveLength(1);
  });

  it('lets one of simultaneous duplicates through; the others are in flight or replayed', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => create(sim, 'key-burst-0000000001', payout('R-burst'))));
    const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.id));
    expect(ids.size).toBe(1);
    for (const a of answers.filter((x) => x.status !== 201)) expect(a).toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_IN_FLIGHT' });
    expect(await listed(sim, 'R-burst')).toEqual([...ids]);
  });

  it('refuses a request without the key as the contract requires (400)', async () => {
    expect(await create(sim, undefined, payout('R-nokey'))).toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
    expect(await listed(sim, 'R-nokey')).toEqual([]);
  });
});

describe('the planted defects', () => {
  it('replay-creates-duplicate: the replay is processed again', () =>
    withSimulator(['replay-creates-duplicate'], async (sim) => {
      const a = await create(sim, 'key-defect-000000001', payout('R-d1'));
      const b = await create(sim, 'key-defect-000000001', payout('R-d1'));
      expect(b.id).not.toBe(a.id);
      expect(await listed(sim, 'R-d1')).toHaveLength(2);
    }));

  it('concurrent-duplicates: a check-then-act race lets simultaneous duplicates through, every time', () =>
    withSimulator(['concurrent-duplicates'], async (sim) => {
      await Promise.all([create(sim, 'key-defect-000000002', payout('R-d2')), create(sim, 'key-defect-000000002', payout('R-d2'))]);
      expect(await listed(sim, 'R-d2')).toHaveLength(2);
    }));

  it('mismatch-accepted: another body under the key is a second transaction', () =>
    withSimulator(['mismatch-accepted'], async (sim) => {
      await create(sim, 'key-defect-000000003', payout('R-d3'));
      expect(await create(sim, 'key-defect-000000003', payout('R-d3', 1501))).toMatchObject({ status: 201 });
      expect(await listed(sim, 'R-d3')).toHaveLength(2);
    }));

  it('lost-response-duplicate: a retry while the first is processed finds no key; one after it finds the replay', () =>
    withSimulator(['lost-response-duplicate'], async (sim) => {
      const first = create(sim, 'key-defect-000000004', payout('R-d4'));
      await new Promise((r) => setTimeout(r, 5));
      const retry = await create(sim, 'key-defect-000000004', payout('R-d4'));
      await first;
      expect(retry.status).toBe(201);
      expect(await listed(sim, 'R-d4')).toHaveLength(2);
      expect(await create(sim, 'key-defect-000000004', payout('R-d4'))).toMatchObject({ replayed: true });
    }));
});
