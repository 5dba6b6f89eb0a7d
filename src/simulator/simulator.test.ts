import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialsFor } from '../credentials/index.ts';
import { createSigner } from '../signer/index.ts';
import { setupServer } from 'msw/node';
import { request } from 'undici';
import type { Partner } from '../partner/index.ts';
import { createRng } from '../random/index.ts';
import { loadExamplePartner } from '../../test/helpers/workspace.ts';
import { buildHandlers } from './handlers.ts';
import { startSimulator } from './server.ts';
import type { Simulator } from './server.ts';
import { ResourceStore } from './store.ts';

let partner: Partner;
beforeAll(async () => {
  partner = await loadExamplePartner('pixpay');
});

const PAYOUT = { amount: 1500, currency: 'BRL', reference: 'R-1', creditor: { pixKey: 'maria@example.com', pixKeyType: 'EMAIL' } };

async function call(sim: Simulator, method: string, path: string, body?: unknown): Promise<{ status: number; headers: Record<string, unknown>; body: Record<string, unknown> }> {
  // PixPay signs every request (HMAC, issue 3), the same way for every operation: sign as createPayout.
  const signer = createSigner(partner.profile, credentialsFor(partner.profile, 'simulator', {}), { now: () => Date.now() });
  const unsigned = { method, url: sim.baseUrl + path, headers: { 'content-type': 'application/json', 'idempotency-key': 'key-0123456789abcdef' }, body: body === undefined ? undefined : JSON.stringify(body) };
  const { request: signed } = await signer.sign(unsigned, partner.contract.operations.get('createPayout')!, { at: Math.floor(Date.now() / 1000), nonce: randomUUID() });
  const res = await request(signed.url, {
    method: method as 'GET',
    headers: signed.headers,
    body: signed.body,
    headersTimeout: 5000,
    bodyTimeout: 5000,
  });
  return { status: res.statusCode, headers: res.headers, body: (await res.body.json()) as Record<string, unknown> };
}

describe('the embedded simulator (real loopback server)', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ partner, seed: 1 });
  });
  afterAll(() => sim.close());

  it('creates a resource from the contract, echoing what was sent, and reads it back', async () => {
    const created = await call(sim, 'POST', '/payouts', PAYOUT);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'PENDING', amount: 1500, reference: 'R-1' });
    expect(created.body.id).toMatch(/^po_[0-9A-Za-z]{8,}$/);
    expect(created.headers.location).toBe(`/v2/payouts/${String(created.body.id)}`);
    const read = await call(sim, 'GET', `/payouts/${String(created.body.id)}`);
    expect(read.body).toEqual(created.body);
    const list = await call(sim, 'GET', '/payouts?reference=R-1');
    expect((list.body.data as unknown[]).map((p) => (p as { id: string }).id)).toEqual([created.body.id]);
  });

  it('rejects a request that breaks the contract with the documented 400', async () => {
    const bad = await call(sim, 'POST', '/payouts', { ...PAYOUT, amount: 'lots' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: { code: 'INVALID_REQUEST', message: 'body /amount must be integer' } });
  });

  it('answers a profile trigger with the documented error', async () => {
    const r = await call(sim, 'POST', '/payouts', { ...PAYOUT, creditor: { pixKey: 'naoexiste@pixpay.example', pixKeyType: 'EMAIL' } });
    expect(r.status).toBe(422);
    expect(r.body).toEqual({ error: { code: 'PIX_KEY_NOT_FOUND', message: 'the PIX key is not registered in DICT' } });
  });

  it('answers an unknown id with the documented 404 and an unknown route with 404 NO_ROUTE', async () => {
    expect((await call(sim, 'GET', '/payouts/po_missing00')).body).toEqual({ error: { code: 'PAYOUT_NOT_FOUND', message: 'no resource po_missing00 in /payouts' } });
    expect((await call(sim, 'GET', '/refunds')).body).toMatchObject({ error: { code: 'NO_ROUTE' } });
  });

  it('gives the same ids for the same seed', async () => {
    const other = await startSimulator({ partner, seed: 1 });
    try {
      const a = await call(other, 'POST', '/payouts', PAYOUT);
      const again = await startSimulator({ partner, seed: 1 });
      const b = await call(again, 'POST', '/payouts', PAYOUT);
      await again.close();
      expect(a.body.id).toBe(b.body.id);
    } finally {
      await other.close();
    }
  });
});

describe('defect schema-drift', () => {
  it('turns a number of every successful answer into a string, and leaves errors alone', async () => {
    const sim = await startSimulator({ partner, seed: 1, defects: ['schema-drift'] });
    try {
      const created = await call(sim, 'POST', '/payouts', PAYOUT);
      expect(created.body.amount).toBe('1500');
      expect((await call(sim, 'GET', '/payouts/po_missing00')).body).toEqual({ error: { code: 'PAYOUT_NOT_FOUND', message: 'no resource po_missing00 in /payouts' } });
    } finally {
      await sim.close();
    }
  });
});

describe('the handlers in-process', () => {
  it('work with msw setupServer in anyone’s own tests', async () => {
    const handlers = buildHandlers({ partner, store: new ResourceStore(), rng: createRng(1), defects: new Set(), now: () => new Date(0) });
    const server = setupServer(...handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const res = await fetch('https://sandbox.pixpay.example/v2/payouts', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'key-0123456789abcdef' }, body: JSON.stringify(PAYOUT) });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ amount: 1500, createdAt: '1970-01-01T00:00:00.000Z' });
    } finally {
      server.close();
    }
  });
});
