import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inCheckScope } from '../src/checks/index.ts';
import { probeParts } from '../src/checks/contract/probe.ts';
import { createClock } from '../src/clock/index.ts';
import type { Exchange } from '../src/http/index.ts';
import { loadPartners } from '../src/partner/index.ts';
import type { Partner } from '../src/partner/index.ts';
import { DEFAULT_SEED } from '../src/random/rng.ts';
import { openSession } from '../src/session/index.ts';
import { startSimulator } from '../src/simulator/index.ts';
import type { Simulator } from '../src/simulator/index.ts';
import { freePort } from './helpers/free-port.ts';
import { runInProcess } from './helpers/in-process.ts';
import type { InProcessRun } from './helpers/in-process.ts';
import { REPO } from './helpers/workspace.ts';

// Independent checks of a sandbox run side by side (docs/decisions/concurrent-checks.md). The sandbox here is
// PixPay's simulator started on its own, on the wall clock at a hundredth of the partner's pace, as
// `railgate simulate --time-scale 0.01` serves it: the run against it is real time, as against a real sandbox.

const quiet = { step: <T>(_name: string, fn: () => Promise<T>) => fn(), attach: async () => {} };

let sim: Simulator;
let sandboxed: Partner;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  const [pixpay] = await loadPartners(REPO, 'pixpay');
  if (!pixpay) throw new Error('no pixpay');
  const receiverPort = await freePort();
  const webhookUrl = `http://127.0.0.1:${receiverPort}${pixpay.profile.webhooks?.path ?? '/webhooks/pixpay'}`;
  sim = await startSimulator({ partner: pixpay, defects: [], seed: DEFAULT_SEED, clock: createClock({ scale: 0.01 }), stamps: 'wall', webhookUrl });
  sandboxed = { ...pixpay, profile: { ...pixpay.profile, environments: { ...pixpay.profile.environments, sandbox: { baseUrl: sim.baseUrl, webhookUrl, receiverPort } } } };
  // The sandbox reads its credentials from the environment: here, the simulator's test credentials.
  for (const [name, value] of Object.entries(pixpay.profile.environments.simulator?.testCredentials ?? {})) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
});

afterAll(async () => {
  await sim?.close();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Per check, what its requests carried that railgate drew from the seed: idempotency keys and references. */
function drawnPerCheck(run: InProcessRun, madeBy: (e: Exchange) => string | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of run.exchanges) {
    const check = madeBy(e);
    if (!check) continue;
    const key = e.request.headers['Idempotency-Key'] ?? e.request.headers['idempotency-key'];
    const reference = /"reference":"([^"]+)"/.exec(e.request.body ?? '')?.[1];
    const drawn = `${e.request.method} ${key ?? "-"} ${reference ?? "-"}`;
    if (!(out[check] ??= []).includes(drawn)) out[check].push(drawn);
  }
  return out;
}

describe('checks side by side against a sandbox', () => {
  it("a check's fault hits its own requests only, its log and pending rules are its own, and clearing leaves the others'", async () => {
    const session = await openSession(sandboxed, { env: 'sandbox', seed: DEFAULT_SEED, defects: [], report: quiet });
    try {
      const { ctx } = session;
      // A valid request as the checks build it, with a reference and a key of the test's own.
      const probe = await probeParts(ctx, ctx.partner.contract.operations.get('createPayout')!);
      const body = (reference: string) => ({ ...probe.parts, body: { ...(probe.parts?.body as object), reference }, headers: { ...probe.parts?.headers, 'Idempotency-Key': randomUUID() } });
      let scheduled!: () => void;
      let cleared!: () => void;
      const aScheduled = new Promise<void>((r) => (scheduled = r));
      const bCleared = new Promise<void>((r) => (cleared = r));
      const faulty = inCheckScope(ctx.rng, { family: 'retry', name: 'a' }, async () => {
        ctx.faults.schedule({ match: { operationId: 'createPayout' }, times: 5, fault: { kind: 'status', status: 503 } });
        scheduled();
        const first = await ctx.call('createPayout', body('RG-CONC-A1'));
        const seen = { status: first.response?.status, log: ctx.faults.log.map((e) => e.outcome), pending: ctx.faults.pending().map((p) => p.remaining) };
        // B's clear drops none of A's rules: A's next request still takes its fault.
        await bCleared;
        const second = await ctx.call('createPayout', body('RG-CONC-A2'));
        return { ...seen, second: second.response?.status };
      });
      const beside = inCheckScope(ctx.rng, { family: 'retry', name: 'b' }, async () => {
        await aScheduled;
        const theirs = await ctx.call('createPayout', body('RG-CONC-B1'));
        const seen = { status: theirs.response?.status, log: ctx.faults.log.map((e) => e.outcome), pending: ctx.faults.pending().length };
        ctx.faults.clear();
        cleared();
        return { ...seen, cleared: ctx.faults.log.length };
      });
      const [a, b] = await Promise.all([faulty, beside]);
      expect(a).toEqual({ status: 503, log: ['status'], pending: [4], second: 503 });
      expect(b).toEqual({ status: 201, log: ['forwarded'], pending: 0, cleared: 0 });
      // Outside any check (the partner's setup) the whole layer is seen: every request, A's rule with 3 left.
      expect(ctx.faults.log.map((e) => e.outcome)).toEqual(['status', 'forwarded', 'status']);
      expect(ctx.faults.pending().map((p) => p.remaining)).toEqual([3]);
    } finally {
      await session.close();
    }
  });

  it('the idempotency family side by side (its lost response injecting a fault beside the others) gives the verdict it gives one at a time, from the same requests', { timeout: 120_000 }, async () => {
    const run = (concurrency: number) => runInProcess(sandboxed, { families: ['idempotency'], env: 'sandbox', seed: DEFAULT_SEED, concurrency });
    const alone = await run(1);
    const beside = await run(4);
    const statuses = (r: InProcessRun) => Object.fromEntries(r.outcomes.map((o) => [o.name, `${o.status}${o.reason ? `: ${o.reason}` : ''}`]));
    expect(alone.outcomes.length).toBe(12);
    expect(statuses(beside)).toEqual(statuses(alone));
    expect(alone.outcomes.every((o) => o.status === 'passed')).toBe(true);
    expect(beside.readiness.verdict).toBe(alone.readiness.verdict);
    expect([alone.mostAtOnce, beside.mostAtOnce]).toEqual([1, 4]);
    // Each check drew the same keys and references from the seed, whatever ran beside it.
    expect(drawnPerCheck(beside, beside.madeBy)).toEqual(drawnPerCheck(alone, alone.madeBy));
  });
});
