import { randomUUID } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { IncomingMessage } from 'node:http';
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

interface Sandbox {
  sim: Simulator;
  partner: Partner;
}

const sandboxes: Simulator[] = [];
const saved: Record<string, string | undefined> = {};

/**
 * A partner's simulator started on its own as its sandbox, and the partner as the run loads it pointing there. Its
 * latency SLA is left out: these tests are about what checks conclude side by side, and against a sandbox answering
 * in a millisecond railgate's own busy event loop (the machine running the whole suite) can leave latency unjudged.
 */
async function sandboxOf(id: string): Promise<Sandbox> {
  const [partner] = await loadPartners(REPO, id);
  if (!partner) throw new Error(`no ${id}`);
  const receiverPort = await freePort();
  const webhookUrl = `http://127.0.0.1:${receiverPort}${partner.profile.webhooks?.path ?? `/webhooks/${id}`}`;
  const sim = await startSimulator({ partner, defects: [], seed: DEFAULT_SEED, clock: createClock({ scale: 0.01 }), stamps: 'wall', webhookUrl });
  sandboxes.push(sim);
  // The sandbox reads its credentials from the environment: here, the simulator's test credentials.
  for (const [name, value] of Object.entries(partner.profile.environments.simulator?.testCredentials ?? {})) {
    if (!(name in saved)) saved[name] = process.env[name];
    process.env[name] = value;
  }
  const readiness = partner.profile.readiness ? { ...partner.profile.readiness, latency: undefined } : undefined;
  return { sim, partner: { ...partner, profile: { ...partner.profile, ...(readiness && { readiness }), environments: { ...partner.profile.environments, sandbox: { baseUrl: sim.baseUrl, webhookUrl, receiverPort } } } } };
}

/**
 * The same partner with its sandbox behind a loopback server in front of the simulator: `handle` answers a request
 * itself, or passes it on with `forward` (and may hold it first).
 */
async function behind(sandbox: Sandbox, handle: (req: IncomingMessage, forward: () => Promise<void>) => Promise<{ status: number; body: unknown } | void>): Promise<{ partner: Partner; close(): Promise<void> }> {
  const origin = new URL(sandbox.sim.baseUrl).origin;
  const front = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      // Passed on as sent, its Host included: a signature may cover the authority the client signed for (RFC 9421).
      const forward = (): Promise<void> =>
        new Promise((resolve, reject) => {
          const upstream = request(origin + (req.url ?? '/'), { method: req.method, headers: req.headers }, (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res).on('finish', resolve).on('error', reject);
          });
          upstream.on('error', reject);
          upstream.end(body);
        });
      const own = await handle(req, forward);
      if (own) res.writeHead(own.status, { 'content-type': 'application/json', 'retry-after': '0' }).end(JSON.stringify(own.body));
    })();
  });
  await new Promise<void>((r) => front.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(front.address() as AddressInfo).port}${new URL(sandbox.sim.baseUrl).pathname}`;
  const env = sandbox.partner.profile.environments;
  return {
    partner: { ...sandbox.partner, profile: { ...sandbox.partner.profile, environments: { ...env, sandbox: { ...env.sandbox, baseUrl: url } } } },
    close: () => new Promise((r) => front.close(() => r())),
  };
}

let pixpay: Sandbox;
let lionbank: Sandbox;

beforeAll(async () => {
  [pixpay, lionbank] = await Promise.all([sandboxOf('pixpay'), sandboxOf('lionbank')]);
});

afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const statuses = (r: InProcessRun) => Object.fromEntries(r.outcomes.map((o) => [o.name, `${o.status}${o.reason ? `: ${o.reason}` : ''}`]));

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
    const session = await openSession(pixpay.partner, { env: 'sandbox', seed: DEFAULT_SEED, defects: [], report: quiet });
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

  it('a check answered 429 beside others runs once more, alone and afresh, and the verdict is the one a partner without a rate limit gets', { timeout: 120_000 }, async () => {
    // The sandbox behind a rate limit: a request that arrives while two others are being answered gets the
    // documented 429 (RateLimited), each request held 30 ms so that checks side by side do overlap.
    let inFlight = 0;
    let limited = 0;
    const front = await behind(pixpay, async (_req, forward) => {
      if (inFlight >= 2) {
        limited++;
        return { status: 429, body: { error: { code: 'RATE_LIMITED', message: 'slow down' } } };
      }
      inFlight++;
      try {
        await sleep(30);
        await forward();
      } finally {
        inFlight--;
      }
    });
    try {
      const reruns: string[] = [];
      const report = { step: <T>(_name: string, fn: () => Promise<T>) => fn(), attach: async (name: string, content: string) => void (name.startsWith('rate-limited beside other checks') && reruns.push(content)) };
      const alone = await runInProcess(pixpay.partner, { families: ['errors'], env: 'sandbox', seed: DEFAULT_SEED, concurrency: 1 });
      const beside = await runInProcess(front.partner, { families: ['errors'], env: 'sandbox', seed: DEFAULT_SEED, concurrency: 8, report });
      expect(limited).toBeGreaterThan(0);
      expect(reruns.length).toBeGreaterThan(0);
      expect(reruns[0]).toMatch(/answered 429 while up to 8 checks ran side by side; this attempt (passed|ended with: )/);
      expect(statuses(beside)).toEqual(statuses(alone));
      expect(beside.readiness.verdict).toBe(alone.readiness.verdict);
    } finally {
      await front.close();
    }
  });

  it.each([
    [1, 'waited out once'],
    [2, 'still refused after the wait: each check that needed it runs once more, alone'],
  ])("a token the checks side by side share is fetched as no check's own; answered 429 %i time(s), it is %s, and no check breaks on it", { timeout: 120_000 }, async (refusals) => {
    let tokenAsks = 0;
    const front = await behind(lionbank, async (req, forward) => {
      if (req.url?.endsWith('/oauth/token') && tokenAsks++ < refusals) return { status: 429, body: { error: 'slow_down' } };
      await forward();
    });
    try {
      const alone = await runInProcess(lionbank.partner, { families: ['idempotency'], env: 'sandbox', seed: DEFAULT_SEED, concurrency: 1 });
      const beside = await runInProcess(front.partner, { families: ['idempotency'], env: 'sandbox', seed: DEFAULT_SEED, concurrency: 4 });
      expect(beside.mostAtOnce).toBeGreaterThan(1);
      expect(statuses(beside)).toEqual(statuses(alone));
      expect(beside.readiness.verdict).toBe('GO');
      // The refused asks, then a token; every token exchange (the simulator's tokens live briefly at this pace, so there
      // are more) is no check's own.
      const tokenExchanges = beside.exchanges.filter((e) => e.request.url.endsWith('/oauth/token'));
      expect(tokenExchanges.slice(0, refusals + 1).map((e) => e.response?.status)).toEqual([...Array<number>(refusals).fill(429), 200]);
      expect(tokenExchanges.map((e) => beside.madeBy(e)).filter((by) => by !== undefined)).toEqual([]);
      expect(tokenAsks).toBe(tokenExchanges.length);
    } finally {
      await front.close();
    }
  });

  it("conformance cases share no base request whose create was refused: each is judged on one that names a real resource, as alone", { timeout: 120_000 }, async () => {
    let posts = 0;
    const front = await behind(pixpay, async (req, forward) => {
      if (req.method === 'POST' && new URL(req.url ?? '/', 'http://x').pathname.endsWith('/payouts') && posts++ === 0) return { status: 429, body: { error: { code: 'RATE_LIMITED', message: 'slow down' } } };
      await forward();
    });
    try {
      const cases = /^getPayout: /;
      const alone = await runInProcess(pixpay.partner, { families: ['conformance'], env: 'sandbox', seed: DEFAULT_SEED, concurrency: 1, checks: cases });
      const beside = await runInProcess(front.partner, { families: ['conformance'], env: 'sandbox', seed: DEFAULT_SEED, concurrency: 8, checks: cases });
      expect(posts).toBeGreaterThan(1);
      expect(alone.outcomes.length).toBeGreaterThan(1);
      expect(statuses(beside)).toEqual(statuses(alone));
      // Every read a case sent named a payout the sandbox had made (none a placeholder id answered 404).
      const reads = beside.exchanges.filter((e) => e.request.operationId === 'getPayout' && beside.madeBy(e) !== undefined);
      expect(reads.length).toBeGreaterThan(0);
      const made = new Set(beside.exchanges.filter((e) => e.request.operationId === 'createPayout' && e.response?.status === 201).map((e) => (e.response?.body as { id?: string }).id));
      for (const read of reads.filter((e) => e.response?.status === 200)) expect(made.has(new URL(read.request.url).pathname.split('/').at(-1))).toBe(true);
      expect(reads.filter((e) => e.response?.status === 404 && !/[!]/.test(e.request.url)).map((e) => e.request.url)).toEqual([]);
    } finally {
      await front.close();
    }
  });

  it('the idempotency family side by side (its lost response injecting a fault beside the others) gives the verdict it gives one at a time, from the same requests', { timeout: 120_000 }, async () => {
    const run = (concurrency: number) => runInProcess(pixpay.partner, { families: ['idempotency'], env: 'sandbox', seed: DEFAULT_SEED, concurrency });
    const alone = await run(1);
    const beside = await run(4);
    expect(alone.outcomes.length).toBe(12);
    expect(statuses(beside)).toEqual(statuses(alone));
    expect(alone.outcomes.every((o) => o.status === 'passed')).toBe(true);
    expect(beside.readiness.verdict).toBe(alone.readiness.verdict);
    expect([alone.mostAtOnce, beside.mostAtOnce]).toEqual([1, 4]);
    // Each check drew the same keys and references from the seed, whatever ran beside it.
    expect(drawnPerCheck(beside, beside.madeBy)).toEqual(drawnPerCheck(alone, alone.madeBy));
  });
});
