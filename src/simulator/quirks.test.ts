import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../clock/index.ts';
import { credentialsFor } from '../credentials/index.ts';
import type { Partner } from '../partner/index.ts';
import { createRng } from '../random/index.ts';
import { resolveMovements } from '../transactions/index.ts';
import { startReceiver } from '../webhooks/index.ts';
import type { WebhookReceiver } from '../webhooks/index.ts';
import { loadExamplePartner } from '../../test/helpers/workspace.ts';
import { announce } from './announce.ts';
import type { SimulatorState } from './handlers.ts';
import type { StateChange } from './lifecycle.ts';
import { createWebhookSender } from './webhook-sender.ts';
import type { EmitOptions, WebhookSender } from './webhook-sender.ts';

// Quirks: legitimate partner behaviours (partners promise no delivery order), planted in the simulator so the
// suite can prove railgate still says GO. Here: which events they hold back, and how the sender delivers them.
let pixpay: Partner;
beforeAll(async () => {
  pixpay = await loadExamplePartner('pixpay');
});

const open: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

/** A sender that records what announce asked of it. */
function recording(): { sender: WebhookSender; emitted: Array<{ state: unknown; how: EmitOptions }> } {
  const emitted: Array<{ state: unknown; how: EmitOptions }> = [];
  const sender: WebhookSender = {
    emit: (_type, resource, how = {}) => {
      emitted.push({ state: resource.status, how });
      return `evt_${emitted.length}`;
    },
    flush: async () => undefined,
  };
  return { sender, emitted };
}

/** The payout's changes along its path (PENDING → PROCESSING → COMPLETED), each announced with the quirks planted. */
function announcePayout(defects: string[]): Array<{ state: unknown; how: EmitOptions }> {
  const m = resolveMovements(pixpay.profile).find((x) => x.key === 'payout')!;
  const state = { partner: pixpay, defects: new Set(defects) } as unknown as SimulatorState;
  const { sender, emitted } = recording();
  const resource: Record<string, unknown> = { id: 'po_1', reference: 'R1' };
  ['PENDING', 'PROCESSING', 'COMPLETED'].forEach((to, index) => {
    resource.status = to;
    const change: StateChange = { movement: m, resource, to, index, terminal: to === 'COMPLETED', illegal: false };
    announce(state, sender, change);
  });
  return emitted;
}

describe('announce with quirks', () => {
  it('holds nothing back without them', () => {
    expect(announcePayout([]).map((e) => e.how.after)).toEqual([undefined, undefined, undefined]);
  });

  it('out-of-order-delivery: the initial state waits for the next event; late-redelivery: the intermediate one loses its first attempt and waits too', () => {
    const [pending, processing, completed] = announcePayout(['out-of-order-delivery', 'late-redelivery']);
    expect(pending?.how).toMatchObject({ after: expect.any(Promise) });
    expect(pending?.how.firstLost).toBe(false);
    expect(processing?.how).toMatchObject({ after: expect.any(Promise), firstLost: true, onDelivered: expect.any(Function) });
    expect(completed?.how.after).toBeUndefined();
    expect(completed?.how.onDelivered).toEqual(expect.any(Function));
  });

  it('releases each held event once the next one is delivered', async () => {
    const [pending, processing, completed] = announcePayout(['out-of-order-delivery', 'late-redelivery']);
    let released = '';
    void pending!.how.after!.then(() => (released += 'PENDING '));
    void processing!.how.after!.then(() => (released += 'PROCESSING '));
    completed!.how.onDelivered!();
    await Promise.resolve();
    expect(released).toBe('PROCESSING ');
    processing!.how.onDelivered!();
    await Promise.resolve();
    expect(released).toBe('PROCESSING PENDING ');
  });

  it('holds nothing when the resource goes no further (stuck-pending): nothing would release it', () => {
    expect(announcePayout(['out-of-order-delivery', 'stuck-pending'])[0]?.how.after).toBeUndefined();
  });
});

describe('the sender with quirks', () => {
  // A 10 s delivery deadline is 100 ms of real time here; a POST that misses it on a busy machine comes again.
  const clock = createClock({ scale: 0.01 });

  it("delivers a held event after the one that releases it, each dated where the partner dates them, the lost one's redelivery once", async () => {
    const r = await startReceiver({ path: '/hooks', stages: [], clock });
    open.push(r);
    const s = createWebhookSender({ spec: pixpay.profile.webhooks!, credentials: credentialsFor(pixpay.profile, 'simulator', {}), targets: () => [r.url], rng: createRng(1), now: () => new Date(clock.now()), badSignature: false, clock });
    let release = (): void => undefined;
    const after = new Promise<void>((resolve) => (release = resolve));
    const early = s.emit('payout.status_changed', { id: 'po_1', status: 'PROCESSING' }, { timeAt: '/created_at', after, firstLost: true });
    const later = s.emit('payout.status_changed', { id: 'po_1', status: 'COMPLETED' }, { timeAt: '/created_at', onDelivered: release });
    const firstOfEach = (): Array<{ id: string; created_at?: string; createdAt?: string }> => {
      const bodies = r.deliveries().map((d) => JSON.parse(d.body) as { id: string; created_at?: string; createdAt?: string });
      return bodies.filter((b, i) => bodies.findIndex((o) => o.id === b.id) === i);
    };
    await expect.poll(() => firstOfEach().length, { timeout: 5_000 }).toBe(2);
    const bodies = firstOfEach();
    expect(bodies.map((b) => b.id)).toEqual([later, early]);
    expect(bodies.every((b) => typeof b.created_at === 'string' && b.createdAt === undefined)).toBe(true);
    // Dated when the state changed, not when it finally arrived.
    expect(Date.parse(bodies[1]!.created_at!)).toBeLessThanOrEqual(Date.parse(bodies[0]!.created_at!));
    await s.flush();
  });
});
