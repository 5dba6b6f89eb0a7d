// The simulator's hot path: the same sequential keep-alive requests against a plain node:http handler
// (the baseline) and against the PixPay simulator (msw handlers, request validation, store), interleaved
// in one run so both see the same machine load. Also: how long each real provider contract takes to load.
// Run: npx tsx bench/simulator.bench.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import { loadContract } from '../src/contract/index.ts';
import { credentialsFor } from '../src/credentials/index.ts';
import { loadPartner } from '../src/partner/index.ts';
import { createSigner } from '../src/signer/index.ts';
import { startSimulator } from '../src/simulator/index.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));

export interface SimulatorBenchFigures {
  cores: number;
  node: string;
  n: number;
  /** Per request, ms: the plain handler's GET (the baseline of a read) and POST (reading the body: of a create). */
  baselineRead: LatencySummary;
  baselineCreate: LatencySummary;
  simulatorRead: LatencySummary;
  simulatorCreate: LatencySummary;
  contracts: Array<{ file: string; operations: number; loadMs: number; heapMb: number }>;
}

export interface LatencySummary {
  mean: number;
  p50: number;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const summary = (xs: number[]): LatencySummary => ({ mean: mean(xs), p50: [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN });

export async function runSimulatorBench(opts: { n?: number; timeLimitMs?: number } = {}): Promise<SimulatorBenchFigures> {
  const n = opts.n ?? 1_000;
  const deadline = performance.now() + (opts.timeLimitMs ?? 60_000);
  const partner = await loadPartner(path.join(REPO, 'partners/pixpay.yaml'), REPO);
  const sim = await startSimulator({ partner, seed: 1 });
  const payout = JSON.stringify({ amount: 1500, currency: 'BRL', reference: 'B-1', creditor: { pixKey: 'maria@example.com', pixKeyType: 'EMAIL' } });
  // The plain handler answers the same JSON; a POST's body is read first, as any handler of a create must.
  const baseline = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(payout);
    });
  });
  await new Promise<void>((r) => baseline.listen(0, '127.0.0.1', r));
  const plain = new Pool(`http://127.0.0.1:${(baseline.address() as AddressInfo).port}`, { connections: 1 });
  const simPool = new Pool(sim.origin, { connections: 1 });
  // PixPay signs every request (HMAC over a canonical string): each request is signed like the harness signs it,
  // outside the timed part, so the figure is the simulator's own cost including its signature check.
  const signer = createSigner(partner.profile, credentialsFor(partner.profile, 'simulator', {}), { now: () => Date.now() });
  const createOp = partner.contract.operations.get('createPayout')!;
  let keys = 0;
  const signed = async (method: 'GET' | 'POST', p: string, body?: string): Promise<Record<string, string>> => {
    const unsigned = { method, url: sim.origin + p, headers: { 'content-type': 'application/json', 'idempotency-key': `bench-key-${String(++keys).padStart(12, '0')}` }, body };
    const { request } = await signer.sign(unsigned, createOp, { at: Math.floor(Date.now() / 1000), nonce: randomUUID() });
    return request.headers;
  };

  // A resource to read, created through the simulator itself.
  const created = await simPool.request({ method: 'POST', path: '/v2/payouts', headers: await signed('POST', '/v2/payouts', payout), body: payout });
  const id = ((await created.body.json()) as { id?: string }).id;
  if (created.statusCode !== 201 || !id) throw new Error(`bench set-up: the simulator answered ${created.statusCode}`);
  const timed = async (pool: Pool, method: 'GET' | 'POST', p: string, body?: string): Promise<number> => {
    const headers = await signed(method, p, body);
    const t0 = performance.now();
    const res = await pool.request({ method, path: p, headers, body });
    await res.body.text();
    if (pool === simPool && res.statusCode >= 400) throw new Error(`bench: ${method} ${p} answered ${res.statusCode}`);
    return performance.now() - t0;
  };
  const baseRead: number[] = [];
  const baseCreate: number[] = [];
  const read: number[] = [];
  const create: number[] = [];
  for (let i = 0; i < 100; i++) {
    await timed(simPool, 'GET', `/v2/payouts/${id}`);
    await timed(simPool, 'POST', '/v2/payouts', payout);
    await timed(plain, 'POST', '/', payout);
  }
  for (let i = 0; i < n && performance.now() < deadline; i++) {
    baseRead.push(await timed(plain, 'GET', '/'));
    read.push(await timed(simPool, 'GET', `/v2/payouts/${id}`));
    baseCreate.push(await timed(plain, 'POST', '/', payout));
    create.push(await timed(simPool, 'POST', '/v2/payouts', payout));
  }
  await plain.close();
  await simPool.close();
  await sim.close();
  await new Promise<void>((r) => baseline.close(() => r()));

  const contracts: SimulatorBenchFigures['contracts'] = [];
  const kept: unknown[] = [];
  const real = path.join(REPO, '../shared/contracts-real');
  for (const [file, validation] of [
    ['paypal/payments_payment_v2.json', 'strict'],
    ['adyen/CheckoutService-v72.yaml', 'strict'],
    ['square/api.json', 'lenient'],
  ] as const) {
    global.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const c = await loadContract(path.join(real, file), { validation });
    const loadMs = Math.round(performance.now() - t0);
    // What the loaded contract keeps alive (garbage collected first, the contract still referenced).
    kept.push(c);
    global.gc?.();
    contracts.push({ file, operations: c.operations.size, loadMs, heapMb: Math.round((process.memoryUsage().heapUsed - heap0) / 1e6) });
  }
  kept.length = 0;
  return { cores: cpus().length, node: process.version, n: read.length, baselineRead: summary(baseRead), baselineCreate: summary(baseCreate), simulatorRead: summary(read), simulatorCreate: summary(create), contracts };
}

export function formatSimulatorBench(f: SimulatorBenchFigures): string {
  const ms = (x: number): string => x.toFixed(3).padStart(6);
  const row = (name: string, s: LatencySummary, base?: LatencySummary): string =>
    `  ${name.padEnd(38)} mean ${ms(s.mean)}  p50 ${ms(s.p50)} ms` + (base ? `  (${(s.mean / base.mean).toFixed(2)}× mean, ${(s.p50 / base.p50).toFixed(2)}× p50; goal ≤ 1.5×: ${s.mean / base.mean <= 1.5 ? 'met' : 'NOT met'})` : '');
  const lines = [
    `simulator hot path (${f.cores} cores, Node ${f.node}, load ${loadavg()[0]!.toFixed(1)}, ${f.n} sequential keep-alive requests of each, interleaved):`,
    row('plain node:http GET (baseline of read)', f.baselineRead),
    row('simulator read  (GET /payouts/{id})', f.simulatorRead, f.baselineRead),
    row('plain node:http POST (baseline of create)', f.baselineCreate),
    row('simulator create (POST /payouts)', f.simulatorCreate, f.baselineCreate),
    'contract loading (parse, validate, bundle, index):',
    ...f.contracts.map((c) => `  ${c.file.padEnd(36)} ${String(c.operations).padStart(4)} operations  ${String(c.loadMs).padStart(5)} ms  ${c.heapMb} MB retained`),
  ];
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatSimulatorBench(await runSimulatorBench()));
}
