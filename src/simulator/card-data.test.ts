import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamplePartner } from '../../test/helpers/workspace.ts';
import type { Partner } from '../partner/index.ts';
import { startSimulator } from './server.ts';
import type { Simulator } from './server.ts';

// EuroCard's contract: a card is "sent once, at authorization; never returned" (CardDetails), and a payment
// shows a CardSummary (brand, last4, expiry, holder). The simulator keeps a card as a partner does.

const API_KEY = 'sk_test_railgate_simulator_eurocard_0001';
const CARD = { number: '5555555555554444', expiryMonth: 6, expiryYear: 2031, cvc: '321', holderName: 'Lena Fischer' };

let partner: Partner;
beforeAll(async () => {
  partner = await loadExamplePartner('eurocard');
});

async function call(sim: Simulator, method: 'GET' | 'POST', path: string, opts: { body?: unknown; key?: string } = {}): Promise<{ status: number; type: string; text: string }> {
  const res = await request(sim.baseUrl + path, {
    method,
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-api-key': opts.key ?? API_KEY },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    headersTimeout: 5000,
    bodyTimeout: 5000,
  });
  return { status: res.statusCode, type: String(res.headers['content-type']), text: await res.body.text() };
}

async function authorize(sim: Simulator): Promise<{ created: Record<string, unknown>; read: string; list: string }> {
  const made = await call(sim, 'POST', '/payments', { body: { amount: { value: 1250, currency: 'EUR' }, reference: 'R-CARD-1', card: CARD } });
  expect(made.status).toBe(201);
  const created = JSON.parse(made.text) as Record<string, unknown>;
  return { created, read: (await call(sim, 'GET', `/payments/${String(created.id)}`)).text, list: (await call(sim, 'GET', '/payments?reference=R-CARD-1')).text };
}

describe('the EuroCard simulator keeps card data as a partner does', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ partner, seed: 1 });
  });
  afterAll(() => sim.close());

  it('returns the card as its summary: last four of the PAN sent, expiry and holder; never the number or the CVC', async () => {
    const { created, read, list } = await authorize(sim);
    expect(created.card).toEqual({ brand: expect.any(String) as string, last4: '4444', expiryMonth: 6, expiryYear: 2031, holderName: 'Lena Fischer' });
    for (const text of [JSON.stringify(created), read, list]) {
      expect(text).not.toContain('5555555555554444');
      expect(text).not.toMatch(/"cvc"/);
    }
  });
});

describe('planted defects', () => {
  it('card-data-echoed: reads and lists return the full PAN and the CVC', async () => {
    const sim = await startSimulator({ partner, seed: 1, defects: ['card-data-echoed'] });
    try {
      const { read, list } = await authorize(sim);
      for (const text of [read, list]) expect(text).toMatch(/"number":"5555555555554444".*"cvc":"321"/);
    } finally {
      await sim.close();
    }
  });

  it('reflect-credentials: a 401 quotes the refused key, as JSON and then as text/plain with its base64', async () => {
    const sim = await startSimulator({ partner, seed: 1, defects: ['reflect-credentials'] });
    try {
      const key = 'sk_test_not_the_simulators_key_42';
      const first = await call(sim, 'GET', '/payments/pay_0123456789', { key });
      expect(first).toMatchObject({ status: 401, type: expect.stringMatching(/json/) as string });
      expect(JSON.parse(first.text)).toEqual({ error: { code: 'UNAUTHORIZED', message: `invalid API key '${key}'` } });
      const second = await call(sim, 'GET', '/payments/pay_0123456789', { key });
      expect(second).toMatchObject({ status: 401, type: expect.stringMatching(/text\/plain/) as string });
      expect(second.text).toContain(Buffer.from(key).toString('base64'));
      // The right key still opens the API.
      expect((await call(sim, 'GET', '/payments')).status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});
