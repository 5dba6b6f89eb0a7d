// What an engineer and CI wait for (issue 13): `railgate --help`, one scenario from the command to its verdict,
// and the main job (`railgate run`, every example partner), each beside `node -e 0` run the same way in the same
// session: the floor no command can go under. Wall time and the command's own peak memory (its main process).
// Run: node --import tsx bench/cli.bench.ts [runs]
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(REPO, 'bin/railgate.mjs');
/** Loaded first in the measured process: its own peak resident memory, printed on exit. */
const RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nrailgate-bench-rss '+process.resourceUsage().maxRSS+'\\n'))`;

export interface CliSample {
  wallMs: number;
  rssMb: number;
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
  floor: CliSample[];
  cases: CliCase[];
}

function measure(args: string[]): Promise<CliSample> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', RSS, ...args], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      const kb = Number(/railgate-bench-rss (\d+)/.exec(err)?.[1] ?? 0);
      resolve({ wallMs: performance.now() - t0, rssMb: kb / 1024, code: code ?? -1 });
    });
  });
}

export async function runCliBench(opts: { runs?: number } = {}): Promise<CliFigures> {
  const runs = opts.runs ?? 3;
  const reports = await mkdtemp(path.join(tmpdir(), 'railgate-bench-cli-'));
  const cases: CliCase[] = [
    { name: 'railgate --help', goal: { ms: 300, mb: 80 }, samples: [] },
    { name: 'one scenario (pixpay payout-lost-response)', goal: { ms: 3_000 }, samples: [] },
    { name: 'main job (railgate run, every partner)', goal: { ms: 20_000, mb: 500 }, samples: [] },
  ];
  const args = [[BIN, '--help'], [BIN, 'run', '--partner', 'pixpay', '--scenario', 'payout-lost-response', '--reports', path.join(reports, 'one')], [BIN, 'run', '--reports', path.join(reports, 'all')]];
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
  return { cores: cpus().length, node: process.version, floor, cases };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function formatCliBench(f: CliFigures): string {
  const floorMs = median(f.floor.map((s) => s.wallMs));
  const lines = [`the engineer's loop and the main job (${f.cores} cores, Node ${f.node}, ${f.floor.length} runs each, interleaved; main-process peak memory):`];
  lines.push(`  node -e 0 (floor)                            median ${floorMs.toFixed(0).padStart(6)} ms  ${median(f.floor.map((s) => s.rssMb)).toFixed(0).padStart(4)} MB`);
  for (const c of f.cases) {
    const ms = median(c.samples.map((s) => s.wallMs));
    const mb = Math.max(...c.samples.map((s) => s.rssMb));
    const met = ms <= c.goal.ms && (c.goal.mb === undefined || mb <= c.goal.mb);
    const exits = [...new Set(c.samples.map((s) => s.code))].join('/');
    lines.push(`  ${c.name.padEnd(44)} median ${ms.toFixed(0).padStart(6)} ms  ${mb.toFixed(0).padStart(4)} MB  (${(ms / floorMs).toFixed(1)}× the floor; goal ≤ ${c.goal.ms} ms${c.goal.mb ? `, ≤ ${c.goal.mb} MB` : ''}: ${met ? 'met' : 'NOT met'}; exit ${exits})`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatCliBench(await runCliBench({ runs: process.argv[2] ? Number(process.argv[2]) : undefined })));
}
