// What an engineer and CI wait for (issue 13): `railgate --help`, one scenario from the command to its verdict,
// and the main job (`railgate run`, every example partner), each beside `node -e 0` run the same way in the same
// session: the floor no command can go under. Wall time and the command's own peak memory (its main process).
// Run: node --import tsx bench/cli.bench.ts [runs]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleness } from '../bin/build-state.mjs';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const BIN = path.join(REPO, 'bin/railgate.mjs');
/** Loaded first in the measured process: its own peak resident memory, printed on exit. */
const RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nrailgate-bench-rss '+process.resourceUsage().maxRSS+'\\n'))`;

export interface CliSample {
  wallMs: number;
  rssMb: number;
  /** The peak of the summed resident memory of the process and its children (the vitest worker, Allure), sampled every 50 ms. */
  treeMb: number;
  code: number;
}

export interface CliCase {
  name: string;
  /** The goal, as issue 13 sets it: at most this wall time (ms) and memory (MB). */
  goal: { ms: number; mb?: number };
  samples: CliSample[];
}

export interface CliFigures {
  cores: number;
  node: string;
  /** What the bin ran: the compiled build, or why it fell back to tsx (bin/build-state.mjs). */
  build: string;
  floor: CliSample[];
  cases: CliCase[];
}

/** `node args…` in `cwd`, to its exit: wall time, its own peak memory, exit code. */
export function measure(args: string[], cwd = REPO): Promise<CliSample> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', RSS, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let err = '';
    let tree = 0;
    const sampler = setInterval(() => (tree = Math.max(tree, treeRss(child.pid))), 50);
    // A hung command is stopped after ten minutes: its sample shows the time it was given and its exit, -1.
    const deadline = setTimeout(() => child.kill('SIGKILL'), 10 * 60_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      clearInterval(sampler);
      clearTimeout(deadline);
      const kb = Number(/railgate-bench-rss (\d+)/.exec(err)?.[1] ?? 0);
      resolve({ wallMs: performance.now() - t0, rssMb: kb / 1024, treeMb: Math.max(tree, kb * 1024) / 1048576, code: code ?? -1 });
    });
  });
}

/** Resident bytes of `pid` and every process below it, from /proc (0 where there is none: not Linux). */
function treeRss(pid: number | undefined): number {
  if (pid === undefined || !existsSync('/proc')) return 0;
  const kids = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      kids.set(Number(f[1]), [...(kids.get(Number(f[1])) ?? []), Number(p)]);
      rss.set(Number(p), Number(f[21]) * 4096);
    } catch {
      // gone meanwhile
    }
  }
  let sum = 0;
  for (const queue = [pid]; queue.length > 0; ) {
    const p = queue.pop() as number;
    sum += rss.get(p) ?? 0;
    queue.push(...(kids.get(p) ?? []));
  }
  return sum;
}

export async function runCliBench(opts: { runs?: number } = {}): Promise<CliFigures> {
  const runs = opts.runs ?? 3;
  const reports = await mkdtemp(path.join(tmpdir(), 'railgate-bench-cli-'));
  const cases: CliCase[] = [
    { name: 'railgate --help', goal: { ms: 300, mb: 80 }, samples: [] },
    { name: '  the same through tsx (no build)', goal: { ms: 300, mb: 80 }, samples: [] },
    { name: 'sign (lionbank createPayout)', goal: { ms: 1_000 }, samples: [] },
    { name: 'webhook verify (pixpay)', goal: { ms: 1_000 }, samples: [] },
    { name: 'one scenario (pixpay payout-lost-response)', goal: { ms: 3_000 }, samples: [] },
    { name: 'main job (railgate run, every partner)', goal: { ms: 20_000, mb: 500 }, samples: [] },
  ];
  const body = path.join(reports, 'callback.json');
  await writeFile(body, '{"type":"payout.completed","data":{"id":"po_1"}}');
  const args = [[BIN, '--help'], ['--import', 'tsx', path.join(REPO, 'src/cli/main.ts'), '--help'], [BIN, 'sign', '--partner', 'lionbank', '--operation', 'createPayout', '--at', '1763733600'], [BIN, 'webhook', 'verify', '--partner', 'pixpay', '--body', body, '--header', 'PixPay-Signature: t=1763733600,v1=00', '--at', '1763733600'], [BIN, 'run', '--partner', 'pixpay', '--scenario', 'payout-lost-response', '--reports', path.join(reports, 'one')], [BIN, 'run', '--reports', path.join(reports, 'all')]];
  const floor: CliSample[] = [];
  try {
    // Interleaved: each round measures the floor and every case once, so all see the same machine.
    for (let i = 0; i < runs; i++) {
      floor.push(await measure(['-e', '0']));
      for (const [k, c] of cases.entries()) c.samples.push(await measure(args[k] as string[]));
    }
  } finally {
    await rm(reports, { recursive: true, force: true });
  }
  const stale = staleness(new URL('..', import.meta.url));
  return { cores: cpus().length, node: process.version, build: stale === undefined ? 'compiled dist/' : `tsx (dist/ ${stale})`, floor, cases };
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function formatCliBench(f: CliFigures): string {
  const floorMs = median(f.floor.map((s) => s.wallMs));
  const lines = [`the engineer's loop and the main job (${f.cores} cores, Node ${f.node}, ${f.floor.length} runs each, interleaved; peak memory of the main process / of it with its children; bin ran ${f.build}):`];
  lines.push(`  ${'node -e 0 (floor)'.padEnd(44)} median ${floorMs.toFixed(0).padStart(6)} ms  ${median(f.floor.map((s) => s.rssMb)).toFixed(0).padStart(4)} MB`);
  for (const c of f.cases) {
    const ms = median(c.samples.map((s) => s.wallMs));
    const mb = Math.max(...c.samples.map((s) => s.rssMb));
    const tree = Math.max(...c.samples.map((s) => s.treeMb));
    const met = ms <= c.goal.ms && (c.goal.mb === undefined || tree <= c.goal.mb);
    const exits = [...new Set(c.samples.map((s) => s.code))].join('/');
    lines.push(`  ${c.name.padEnd(44)} median ${ms.toFixed(0).padStart(6)} ms  ${mb.toFixed(0).padStart(4)} / ${tree.toFixed(0).padStart(4)} MB  (${(ms / floorMs).toFixed(1)}× the floor; goal ≤ ${c.goal.ms} ms${c.goal.mb ? `, ≤ ${c.goal.mb} MB` : ''}: ${met ? 'met' : 'NOT met'}; exit ${exits})`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatCliBench(await runCliBench({ runs: process.argv[2] ? Number(process.argv[2]) : undefined })));
}
