import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { startSimulate } from './helpers/simulate.ts';
import type { SimulateProcess } from './helpers/simulate.ts';

// `railgate simulate` as an engineer runs it beside their own integration: a partner at its own pace (here
// scaled), delivering signed webhooks to the URL their code registers, until Ctrl-C.
const API_KEY = 'sk_test_railgate_simulator_eurocard_0001'; // the profile's simulator test credential

interface Delivery {
  type: string;
  data: { id: string; status: string };
  signature?: string;
}

let receiver: { url: string; deliveries: Delivery[]; close: () => Promise<void> };
let sim: SimulateProcess;

beforeAll(async () => {
  const deliveries: Delivery[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      deliveries.push({ ...(JSON.parse(body) as Delivery), signature: req.headers['eurocard-signature'] as string | undefined });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, deliveries, close: () => new Promise((resolve) => server.close(() => resolve())) };
  sim = await startSimulate(['--partner', 'eurocard', '--time-scale', '0.01']);
});

afterAll(async () => {
  sim?.kill();
  await receiver?.close();
});

async function post(pathname: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sim.baseUrl}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY, 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got !== undefined) return got;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('railgate simulate', () => {
  it('says where events go, at which pace, and that timestamps keep to the wall clock', () => {
    expect(sim.output()).toMatch(/simulating eurocard \(EuroCard Acquiring API [\d.]+\) at http:\/\/127\.0\.0\.1:\d+\/v1 · seed 20261121 · time scale 0\.01 · timestamps and signatures follow the wall clock/);
    expect(sim.output()).toContain('webhooks: signed events go to the URLs registered with createWebhookEndpoint (none before)');
  });

  it('moves a capture along its machine on the scaled clock and delivers signed events to the registered URL only', async () => {
    const auth = await post('/payments', { amount: { value: 4990, currency: 'EUR' }, reference: 'SIM-1', card: { number: '4242424242424242', expiryMonth: 12, expiryYear: 2030, cvc: '123', holderName: 'Lena Fischer' } });
    expect(auth.status).toBe(201);
    // Before any registration the partner has nowhere to deliver: the authorization's event is never sent.
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.deliveries).toEqual([]);
    const registered = await post('/webhook-endpoints', { url: receiver.url, events: ['payment.authorized', 'payment.captured'] });
    expect(registered.status).toBe(201);
    const capture = await post('/captures', { paymentId: auth.body.id, amount: { value: 4990, currency: 'EUR' }, reference: 'SIM-1-CAP' });
    expect(capture.body).toMatchObject({ status: 'PENDING' });
    // 10 s of profile time to settle: 100 ms at scale 0.01.
    const settled = await until('payment.captured', () => receiver.deliveries.find((d) => d.type === 'payment.captured' && d.data.id === capture.body.id));
    expect(settled.data.status).toBe('SUCCEEDED');
    expect(settled.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(receiver.deliveries.filter((d) => d.data.id === auth.body.id)).toEqual([]);
  });

  it('refuses a --webhook-url that is not an http(s) URL, exit 2', async () => {
    const r = await runCli(['simulate', '--partner', 'pixpay', '--webhook-url', 'ftp://example.test/hooks'], { timeoutMs: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--webhook-url must be an http(s) URL (got 'ftp://example.test/hooks')");
  });
});
