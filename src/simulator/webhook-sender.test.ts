import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../clock/index.ts';
import { credentialsFor } from '../credentials/index.ts';
import type { Credentials } from '../credentials/index.ts';
import type { Partner } from '../partner/index.ts';
import { createRng } from '../random/index.ts';
import { startReceiver, verificationStage, webhookKeys } from '../webhooks/index.ts';
import type { WebhookReceiver } from '../webhooks/index.ts';
import { startUpstream } from '../faults/test-helpers.ts';
import type { Upstream } from '../faults/test-helpers.ts';
import { loadExamplePartner } from '../../test/helpers/workspace.ts';
import { createWebhookSender } from './webhook-sender.ts';
import type { WebhookSenderOptions } from './webhook-sender.ts';

// The simulator's outbound side against real loopback servers: railgate's own receiver (which verifies
// signatures) and a URL that accepts the connection and never answers.
let partner: Partner;
let credentials: Credentials;
beforeAll(async () => {
  partner = await loadExamplePartner('eurocard');
  credentials = credentialsFor(partner.profile, 'simulator', {});
});

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const clock = createClock({ scale: 0.001 });

async function receiver(name: string): Promise<WebhookReceiver> {
  const spec = partner.profile.webhooks!;
  const r = await startReceiver({ path: `/hooks/${name}`, stages: [verificationStage(spec, webhookKeys(spec, credentials).verify, () => Math.floor(clock.now() / 1000))] });
  open.push(r);
  return r;
}

async function hung(): Promise<Upstream> {
  const u = await startUpstream(() => undefined);
  open.push(u);
  return u;
}

/** The event id of a delivery (the receiver here reads no ids: it only verifies). */
const idOf = (d: { body: string } | undefined): unknown => (d ? (JSON.parse(d.body) as { id?: unknown }).id : undefined);

// The clock runs 1000× fast, so the sender's 10 s attempt deadline would be 10 ms of real time: a busy machine
// can take longer to connect, and a test that is not about deadlines would lose its delivery. Those tests give
// each attempt 5 s of real time; the hung-URL test sets its own deadline.
const NOT_ABOUT_DEADLINES_MS = 5_000_000;

function sender(targets: () => readonly string[], over: Partial<WebhookSenderOptions> = {}) {
  return createWebhookSender({ spec: partner.profile.webhooks!, credentials, targets, rng: createRng(1), now: () => new Date(clock.now()), badSignature: false, clock, attemptTimeoutMs: NOT_ABOUT_DEADLINES_MS, ...over });
}

describe('createWebhookSender', () => {
  it('delivers one event, with one id, to every target, each signed for it', async () => {
    const [a, b] = [await receiver('a'), await receiver('b')];
    const s = sender(() => [a.url, b.url]);
    const id = s.emit('payment.authorized', { id: 'pay_0000000001', status: 'AUTHORIZED' });
    const [da, db] = [await a.next(0, 3_000), await b.next(0, 3_000)];
    expect([da?.status, db?.status]).toEqual([204, 204]);
    expect([idOf(da), idOf(db)]).toEqual([id, id]);
    await s.flush();
  });

  it('sends nothing while there is no target', async () => {
    const a = await receiver('a');
    let targets: string[] = [];
    const s = sender(() => targets);
    s.emit('payment.authorized', { id: 'pay_0000000001' });
    targets = [a.url];
    const later = s.emit('payment.authorized', { id: 'pay_0000000002' });
    expect(idOf(await a.next(0, 3_000))).toBe(later);
    await s.flush();
    expect(a.deliveries().map(idOf)).toEqual([later]);
  });

  it('webhook-bad-signature: every target gets a signature its receiver refuses', async () => {
    const [a, b] = [await receiver('a'), await receiver('b')];
    const s = sender(() => [a.url, b.url], { badSignature: true, spec: { ...partner.profile.webhooks!, redelivery: { attempts: 1 } } });
    s.emit('payment.authorized', { id: 'pay_0000000001' });
    const [da, db] = [await a.next(0, 3_000), await b.next(0, 3_000)];
    expect([da?.status, db?.status]).toEqual([401, 401]);
    await s.flush();
  });

  it('gives each POST a deadline: a hung URL is tried again on the clock and never delays another target', async () => {
    const [stuck, a] = [await hung(), await receiver('a')];
    const s = sender(() => [stuck.url, a.url], { attemptTimeoutMs: 150_000, spec: { ...partner.profile.webhooks!, redelivery: { attempts: 3, backoff: '1s' } } });
    const t0 = performance.now();
    s.emit('payment.authorized', { id: 'pay_0000000001' });
    expect(await a.next(0, 3_000)).toBeDefined();
    expect(performance.now() - t0).toBeLessThan(150);
    // Three attempts of 150 s each on the clock (150 ms real at scale 0.001), 1 s and 2 s apart.
    await expect.poll(() => stuck.requests.length, { timeout: 3_000 }).toBe(3);
    await s.flush();
  });

  it('flush gives up a delivery in flight at once, however long its deadline', async () => {
    const stuck = await hung();
    const s = sender(() => [stuck.url], { attemptTimeoutMs: 60_000_000 });
    s.emit('payment.authorized', { id: 'pay_0000000001' });
    await expect.poll(() => stuck.requests.length, { timeout: 3_000 }).toBe(1);
    const t0 = performance.now();
    await s.flush();
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
