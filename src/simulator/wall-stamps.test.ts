import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import { createClock, createVirtualClock } from '../clock/index.ts';
import type { Clock } from '../clock/index.ts';
import { credentialsFor } from '../credentials/index.ts';
import type { Partner } from '../partner/index.ts';
import { createSigner, toleranceSeconds } from '../signer/index.ts';
import { startReceiver, verificationStage, webhookKeys } from '../webhooks/index.ts';
import type { ReceivedDelivery, WebhookReceiver } from '../webhooks/index.ts';
import { parseTimestampedHeader } from '../auth/index.ts';
import { watchedConnector } from '../http/watched-connector.ts';
import { loadExamplePartner } from '../../test/helpers/workspace.ts';
import { startSimulator } from './server.ts';
import type { Simulator } from './server.ts';

// Issue 11: a standalone simulator (`railgate simulate --time-scale 0.01`) runs its state machine at a
// hundred times the partner's pace, but stamps and checks timestamps on the wall clock, as PixPay does: a
// connector or a sandbox run that signs at real time is never refused, nor handed a delivery from the future.
let partner: Partner;
beforeAll(async () => {
  partner = await loadExamplePartner('pixpay');
});

const PAYOUT = { amount: 1500, currency: 'BRL', reference: 'RG-WALL-1', creditor: { pixKey: 'maria@example.com', pixKeyType: 'EMAIL' } };
const unixSeconds = (ms: number): number => Math.floor(ms / 1000);

/** createPayout signed as of `atMs` (HMAC over the timestamp), sent over loopback on a connection the clock watches. */
async function createPayout(sim: Simulator, clock: Clock, atMs: number): Promise<{ status: number; body: Record<string, unknown> }> {
  const signer = createSigner(partner.profile, credentialsFor(partner.profile, 'simulator', {}), { now: () => atMs });
  const unsigned = { method: 'POST', url: `${sim.baseUrl}/payouts`, headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(PAYOUT) };
  const { request: signed } = await signer.sign(unsigned, partner.contract.operations.get('createPayout')!, { at: unixSeconds(atMs), nonce: randomUUID() });
  // A virtual clock moves only when it sees both ends of a connection quiet: the client's end is shown to it.
  const agent = new Agent({ connect: watchedConnector(clock, { timeoutMs: 10_000 }) });
  try {
    const res = await request(signed.url, { method: 'POST', headers: signed.headers, body: signed.body, dispatcher: agent, signal: AbortSignal.timeout(10_000) });
    return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
  } finally {
    await agent.close();
  }
}

async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (let got = probe(); ; got = probe()) {
    if (got !== undefined) return got;
    if (Date.now() > deadline) throw new Error(`${what}: not within 20 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a standalone simulator on a scaled clock (real loopback servers)', () => {
  const clock = createClock({ scale: 0.01 });
  let receiver: WebhookReceiver;
  let sim: Simulator;
  let tolerance: number;
  beforeAll(async () => {
    const spec = partner.profile.webhooks!;
    tolerance = toleranceSeconds(partner.profile.auth!.hmac!.tolerance);
    // A merchant's receiver, judging timestamps on the wall clock.
    const verify = webhookKeys(spec, credentialsFor(partner.profile, 'simulator', {})).verify;
    receiver = await startReceiver({ path: '/hooks', stages: [verificationStage(spec, verify, () => unixSeconds(Date.now()))] });
    sim = await startSimulator({ partner, seed: 1, clock, stamps: 'wall', webhookUrl: receiver.url });
    // 3.6 s of real time: the scaled clock is then further ahead of the wall than PixPay's tolerance allows.
    await until('the scaled clock a minute past the tolerance', () => (clock.now() - Date.now() > (tolerance + 60) * 1000 ? true : undefined));
  });
  afterAll(async () => {
    await sim?.close();
    await receiver?.close();
  });

  it('accepts a request signed at the wall-clock time, and dates the resource by the wall clock', async () => {
    const before = Date.now();
    const created = await createPayout(sim, clock, Date.now());
    expect(created.status).toBe(201);
    expect(Date.parse(String(created.body.createdAt))).toBeGreaterThanOrEqual(before);
    expect(Date.parse(String(created.body.createdAt))).toBeLessThanOrEqual(Date.now());
  });

  it('refuses the same request signed at the scaled clock’s time, beyond the tolerance', async () => {
    expect(clock.now() - Date.now()).toBeGreaterThan(tolerance * 1000);
    const refused = await createPayout(sim, clock, clock.now());
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
  });

  it('signs each webhook delivery at the wall-clock time it leaves, which a receiver on the wall clock accepts', async () => {
    const before = Date.now();
    // Signed at whatever time the simulator judges by, so that only the delivery's own stamp is on trial here.
    const created = await createPayout(sim, clock, sim.state.now().getTime());
    expect(created.status).toBe(201);
    // PENDING → PROCESSING → COMPLETED: 5 s of the partner's time, 50 ms of real time.
    const isCompleted = (d: ReceivedDelivery): boolean => (JSON.parse(d.body) as { data: { id: string; status: string } }).data.id === created.body.id && d.body.includes('"COMPLETED"');
    const completed = await until('the COMPLETED delivery', () => receiver.deliveries().find(isCompleted));
    const after = Date.now();
    const signedAt = Number(parseTimestampedHeader(completed.headers['pixpay-signature'] ?? '')?.timestamp);
    expect(signedAt).toBeGreaterThanOrEqual(unixSeconds(before));
    expect(signedAt).toBeLessThanOrEqual(unixSeconds(after) + 1);
    expect(Date.parse((JSON.parse(completed.body) as { createdAt: string }).createdAt)).toBeLessThanOrEqual(after);
    expect(receiver.deliveries().filter((d) => d.refusal)).toEqual([]);
    expect(completed.status).toBe(204);
  });
});

describe('the embedded simulator on the run’s virtual clock', () => {
  it('stamps and checks on that clock, as railgate’s signer and receiver do', async () => {
    const clock = createVirtualClock({ start: Date.parse('2031-03-01T12:00:00Z') });
    const sim = await startSimulator({ partner, seed: 1, clock });
    try {
      const created = await createPayout(sim, clock, clock.now());
      expect(created.status).toBe(201);
      expect(created.body.createdAt).toMatch(/^2031-03-01T12:/);
      expect((await createPayout(sim, clock, Date.now())).status).toBe(401);
    } finally {
      await sim.close();
    }
  });

  it('will not stamp on the wall clock: the run it serves reads the virtual one', async () => {
    await expect(startSimulator({ partner, seed: 1, clock: createVirtualClock(), stamps: 'wall' })).rejects.toThrow(/virtual clock stamps on that clock/);
  });
});
