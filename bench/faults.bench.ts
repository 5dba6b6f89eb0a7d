// Idle cost of the fault proxy: the same sequential keep-alive requests, direct and through the
// proxy with no rules, interleaved in one run so both see the same machine load.
// Run: npx tsx bench/faults.bench.ts [n]
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Pool } from 'undici';
import { startFaultProxy } from '../src/faults/index.ts';

export interface LatencyStats {
  /** Per-request ms. */
  mean: number;
  p50: number;
  p99: number;
}

export interface FaultsBenchFigures {
  /** Requests measured per path (may be below the asked n if the time limit hit). */
  n: number;
  cores: number;
  node: string;
  direct: LatencyStats;
  proxied: LatencyStats;
  /** proxied.mean / direct.mean */
  ratio: number;
  /** proxied.mean - direct.mean, ms per request */
  overheadMs: number;
}

export interface FaultsBenchOptions {
  n?: number;
  warmup?: number;
  /** Wall-clock bound for the measured loop; the bench stops early rather than run on. */
  timeLimitMs?: number;
}

const BODY = JSON.stringify({ id: 'pay_123', status: 'accepted', amount: 1000, currency: 'BRL' });

export async function runFaultsBench(options: FaultsBenchOptions = {}): Promise<FaultsBenchFigures> {
  const n = options.n ?? 2_000;
  const warmup = options.warmup ?? 300;
  const deadline = performance.now() + (options.timeLimitMs ?? 60_000);

  const upstream = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
    res.end(BODY);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const proxy = await startFaultProxy({ target, logHeaders: ['idempotency-key'] });
  // One connection each: sequential keep-alive requests, as a harness step makes them.
  const direct = new Pool(target, { connections: 1 });
  const proxied = new Pool(new URL(proxy.url).origin, { connections: 1 });

  const once = async (pool: Pool): Promise<number> => {
    const t0 = performance.now();
    const res = await pool.request({ method: 'GET', path: '/payouts/pay_123', headers: { 'idempotency-key': 'k' } });
    await res.body.text();
    if (res.statusCode !== 200) throw new Error(`bench request answered ${res.statusCode}`);
    return performance.now() - t0;
  };

  try {
    for (let i = 0; i < warmup; i++) {
      await once(direct);
      await once(proxied);
    }
    proxy.clear(); // the warm-up's log entries are not part of the measure
    const directMs: number[] = [];
    const proxiedMs: number[] = [];
    for (let i = 0; i < n && performance.now() < deadline; i++) {
      // Alternate which goes first so neither path always runs on a just-warmed loop.
      if (i % 2 === 0) {
        directMs.push(await once(direct));
        proxiedMs.push(await once(proxied));
      } else {
        proxiedMs.push(await once(proxied));
        directMs.push(await once(direct));
      }
    }
    const d = stats(directMs);
    const p = stats(proxiedMs);
    return { n: directMs.length, cores: cpus().length, node: process.version, direct: d, proxied: p, ratio: p.mean / d.mean, overheadMs: p.mean - d.mean };
  } finally {
    await Promise.all([direct.destroy(), proxied.destroy(), proxy.close()]);
    await new Promise<void>((resolve) => {
      upstream.close(() => resolve());
      upstream.closeAllConnections();
    });
  }
}

function stats(samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { mean: samples.reduce((s, x) => s + x, 0) / samples.length, p50: at(0.5), p99: at(0.99) };
}

function format(f: FaultsBenchFigures): string {
  const row = (name: string, s: LatencyStats): string =>
    `${name.padEnd(8)} mean ${s.mean.toFixed(3)} ms  p50 ${s.p50.toFixed(3)} ms  p99 ${s.p99.toFixed(3)} ms`;
  return [
    `fault proxy idle overhead: ${f.n} sequential keep-alive undici requests per path, loopback`,
    `${f.cores} cores, node ${f.node}`,
    row('direct', f.direct),
    row('proxied', f.proxied),
    `overhead ${f.overheadMs.toFixed(3)} ms/request, ratio ${f.ratio.toFixed(2)}x`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = process.argv[2] ? Number(process.argv[2]) : undefined;
  console.log(format(await runFaultsBench({ n })));
}
