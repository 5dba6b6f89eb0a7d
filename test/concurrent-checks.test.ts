import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
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

  it('a check answered 429 beside others runs once more, alone, and the verdict is the one a partner without a rate limit gets', { timeout: 120_000 }, async () => {
    // The sandbox behind a rate limit: a request that arrives while two others are being answered gets the
    // documented 429 (RateLimited), each request held 30 ms so that checks side by side do overlap.
    let inFlight = 0;
    let limited = 0;
    const origin = new URL(sim.baseUrl).origin;
    const front = createServer((req, res) => {
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        if (inFlight >= 2) {
          limited++;
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' }).end(JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'slow down' } }));
          return;
        }
        inFlight++;
        try {
          await sleep(30);
          const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length', 'transfer-encoding'].includes(k))) as Record<string, string>;
          const answer = await fetch(origin + req.url, { method: req.method, headers, ...(chunks.length > 0 && { body: Buffer.concat(chunks) }) });
          res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(Buffer.from(await answer.arrayBuffer()));
        } finally {
          inFlight--;
        }
      })();
    });
    await new Promise<void>((r) => front.listen(0, '127.0.0.1', () => r()));
    try {
      const frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}${new URL(sim.baseUrl).pathname}`;
      const limitedPartner = { ...sandboxed, profile: { ...sandboxed.profile, environments: { ...sandboxed.profile.environments, sandbox: { ...sandboxed.profile.environments.sandbox, baseUrl: frontUrl } } } };
      const reruns: string[] = [];
      const report = { step: <T>(_name: string, fn: () => Promise<T>) => fn(), attach: async (name: string, content: string) => void (name.startsWith('rate-limited beside other checks') && reruns.push(content)) };
      const alone = await runInProcess(sandboxed, { families: ['errors'], env: 'sandbox', seed: DEFAULT_SEED, concurrency: 1 });
      const beside = await runInProcess(limitedPartner, { families: ['errors'], env: 'sandbox', seed: DEFAULT_SEED, concurrency: 8, report });
      const statuses = (r: InProcessRun) => Object.fromEntries(r.outcomes.map((o) => [o.name, `${o.status}${o.reason ? `: ${o.reason}` : ''}`]));
      expect(limited).toBeGreaterThan(0);
      expect(reruns.length).toBeGreaterThan(0);
      expect(reruns[0]).toMatch(/answered 429 while up to 8 checks ran side by side; the check failed with: /);
      expect(statuses(beside)).toEqual(statuses(alone));
      expect(beside.readiness.verdict).toBe(alone.readiness.verdict);
    } finally {
      await new Promise((r) => front.close(r));
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
