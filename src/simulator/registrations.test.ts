import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../clock/index.ts';
import { requestExample } from '../contract/index.ts';
import { credentialsFor } from '../credentials/index.ts';
import type { Partner } from '../partner/index.ts';
import { startReceiver, verificationStage, webhookKeys } from '../webhooks/index.ts';
import type { WebhookReceiver } from '../webhooks/index.ts';
import { startUpstream } from '../faults/test-helpers.ts';
import { loadExamplePartner } from '../../test/helpers/workspace.ts';
import { createRegistrations } from './registrations.ts';
import { startSimulator } from './server.ts';
import type { Simulator } from './server.ts';

// EuroCard declares `webhooks.registration: { operation: createWebhookEndpoint, url: /url }`: its simulator
// delivers only to URLs registered through that operation, never to the URL configured out of band.
let partner: Partner;
beforeAll(async () => {
  partner = await loadExamplePartner('eurocard');
});

const clock = createClock({ scale: 0.01 });

async function call(sim: Simulator, opId: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const op = partner.contract.operations.get(opId)!;
  const res = await fetch(sim.baseUrl + op.path, {
    method: op.method.toUpperCase(),
    headers: { 'content-type': 'application/json', 'x-api-key': 'sk_test_railgate_simulator_eurocard_0001', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const authorize = (sim: Simulator, reference: string) => call(sim, 'authorizePayment', { ...(requestExample(partner.contract.operations.get('authorizePayment')!) as object), reference });
const register = (sim: Simulator, url: string) => call(sim, 'createWebhookEndpoint', { ...(requestExample(partner.contract.operations.get('createWebhookEndpoint')!) as object), url });

/** Payment ids announced to a receiver, in arrival order. */
const announced = (r: WebhookReceiver): unknown[] => r.deliveries().map((d) => (JSON.parse(d.body) as { data: { id: string } }).data.id);

describe('a simulator whose partner delivers only to registered URLs (real loopback servers)', () => {
  let sim: Simulator;
  let configured: WebhookReceiver;
  let registered: WebhookReceiver;
  beforeAll(async () => {
    const spec = partner.profile.webhooks!;
    const verify = webhookKeys(spec, credentialsFor(partner.profile, 'simulator', {})).verify;
    const receiver = (path: string) => startReceiver({ path, stages: [verificationStage(spec, verify, () => Math.floor(clock.now() / 1000))] });
    configured = await receiver('/configured');
    registered = await receiver('/registered');
    sim = await startSimulator({ partner, seed: 1, clock, webhookUrl: configured.url });
  });
  afterAll(async () => {
    await sim.close();
    await configured.close();
    await registered.close();
  });

  it('delivers nothing before a registration, then each event, signed, to the registered URL only', async () => {
    const before = await authorize(sim, 'RG-BEFORE');
    expect(before.status).toBe(201);
    expect(await registered.next(0, 500)).toBeUndefined();

    const endpoint = await register(sim, registered.url);
    expect(endpoint.status).toBe(201);
    expect(endpoint.body).toMatchObject({ url: registered.url });
    expect(endpoint.body.id).toMatch(/^we_[0-9A-Za-z]{10,}$/);

    const after = await authorize(sim, 'RG-AFTER');
    const delivery = await registered.next(0, 3_000);
    expect(delivery?.status).toBe(204); // verified and accepted
    expect(JSON.parse(delivery!.body)).toMatchObject({ type: 'payment.authorized', data: { id: after.body.id, reference: 'RG-AFTER' } });
    expect(announced(registered)).toEqual([after.body.id]);
    expect(configured.deliveries()).toEqual([]);
  });

  it("refuses the sandbox's magic URL with the documented WEBHOOK_URL_REJECTED", async () => {
    const refused = await register(sim, 'https://rejected.eurocard.example/webhooks');
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'WEBHOOK_URL_REJECTED' } } });
  });

  it('closes at once with a registered URL that never answers', async () => {
    const stuck = await startUpstream(() => undefined);
    try {
      expect((await register(sim, stuck.url)).status).toBe(201);
      await authorize(sim, 'RG-STUCK');
      await expect.poll(() => stuck.requests.length, { timeout: 3_000 }).toBeGreaterThan(0);
      const t0 = performance.now();
      await sim.close();
      expect(performance.now() - t0).toBeLessThan(1_000);
    } finally {
      await stuck.close();
    }
  });
});

describe('createRegistrations', () => {
  const op = (id: string) => ({ id }) as Parameters<ReturnType<typeof createRegistrations>['note']>[0];
  it('keeps the URL of each successful call of the operation, once, and nothing else', () => {
    const r = createRegistrations({ operation: 'createWebhookEndpoint', url: '/endpoint/url' });
    r.note(op('createWebhookEndpoint'), { endpoint: { url: 'http://127.0.0.1:1/a' } }, 201);
    r.note(op('createWebhookEndpoint'), { endpoint: { url: 'http://127.0.0.1:1/a' } }, 200);
    r.note(op('createWebhookEndpoint'), { endpoint: { url: 'http://127.0.0.1:1/refused' } }, 400);
    r.note(op('authorizePayment'), { endpoint: { url: 'http://127.0.0.1:1/other' } }, 201);
    r.note(op('createWebhookEndpoint'), { url: 'http://127.0.0.1:1/elsewhere' }, 201);
    r.note(op('createWebhookEndpoint'), { endpoint: { url: 'not a url' } }, 201);
    r.note(op('createWebhookEndpoint'), { endpoint: { url: 'https://merchant.example/b' } }, 201);
    expect(r.urls()).toEqual(['http://127.0.0.1:1/a', 'https://merchant.example/b']);
  });
});
