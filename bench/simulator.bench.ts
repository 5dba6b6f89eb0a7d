// The simulator's hot path: the same sequential keep-alive requests against a plain node:http handler
// (the baseline) and against the PixPay simulator (msw handlers, request validation, store), interleaved
// in one run so both see the same machine load. Also: how long each real provider contract takes to load.
// Run: npx tsx bench/simulator.bench.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
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
  /** Mean ms per request. */
  baselineMs: number;
  simulatorReadMs: number;
  simulatorCreateMs: number;
  contracts: Array<{ file: string; operations: number; loadMs: number; heapMb: number }>;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export async function runSimulatorBench(opts: { n?: number; timeLimitMs?: number } = {}): Promise<SimulatorBenchFigures> {
  const n = opts.n ?? 1_000;
  const deadline = performance.now() + (opts.timeLimitMs ?? 60_000);
  const partner = await loadPartner(path.join(REPO, 'partners/pixpay.yaml'), REPO);
  const sim = await startSimulator({ partner, seed: 1 });
  const payout = JSON.stringify({ amount: 1500, currency: 'BRL', reference: 'B-1', creditor: { pixKey: 'maria@example.com', pixKeyType: 'EMAIL' } });
  const baseline = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(payout);
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
  const base: number[] = [];
  const read: number[] = [];
  const create: number[] = [];
  for (let i = 0; i < 100; i++) await timed(simPool, 'GET', `/v2/payouts/${id}`);
  for (let i = 0; i < n && performance.now() < deadline; i++) {
    base.push(await timed(plain, 'GET', '/'));
    read.push(await timed(simPool, 'GET', `/v2/payouts/${id}`));
    if (i % 4 === 0) create.push(await timed(simPool, 'POST', '/v2/payouts', payout));
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
  return { cores: cpus().length, node: process.version, n: base.length, baselineMs: mean(base), simulatorReadMs: mean(read), simulatorCreateMs: mean(create), contracts };
}

export function formatSimulatorBench(f: SimulatorBenchFigures): string {
  const lines = [
    `simulator hot path (${f.cores} cores, Node ${f.node}, ${f.n} sequential keep-alive requests, interleaved):`,
    `  plain node:http handler (baseline)  ${f.baselineMs.toFixed(3)} ms/request`,
    `  simulator read  (GET /payouts/{id})  ${f.simulatorReadMs.toFixed(3)} ms/request  (${(f.simulatorReadMs / f.baselineMs).toFixed(1)}× baseline)`,
    `  simulator create (POST /payouts)     ${f.simulatorCreateMs.toFixed(3)} ms/request  (${(f.simulatorCreateMs / f.baselineMs).toFixed(1)}× baseline)`,
    'contract loading (parse, validate, bundle, index):',
    ...f.contracts.map((c) => `  ${c.file.padEnd(36)} ${String(c.operations).padStart(4)} operations  ${String(c.loadMs).padStart(5)} ms  ${c.heapMb} MB retained`),
  ];
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatSimulatorBench(await runSimulatorBench()));
}
