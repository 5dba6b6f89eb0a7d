// A full run of each example partner against a sandbox that answers in real time (issue 13, goal 4): the partner's
// own simulator served by `railgate simulate --time-scale 1` on loopback, a copy of the example workspace whose
// `environments.sandbox` points at it, then `railgate run --env sandbox` with the partner's concurrency, wall time
// from the command to its verdict. Its baseline is the run's longest chain of checks that cannot overlap
// (docs/decisions/concurrent-checks.md): per family, in order, each check that runs alone plus the longest check of
// each group that runs side by side, every duration as the run's Allure results give it. `--serial` also runs each
// partner with `--concurrency 1`, one check after another, for comparison (PixPay alone takes about 10 minutes).
// Run: node --import tsx bench/sandbox.bench.ts [--serial] [--concurrency N] [partner …]
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planPartner } from '../src/checks/index.ts';
import type { Check } from '../src/checks/index.ts';
import { loadPartner } from '../src/partner/index.ts';
import type { Partner } from '../src/partner/index.ts';
import { runsBeside } from '../src/suite/check-gate.ts';
import { checkConcurrency } from '../src/suite/run-config.ts';
import { freePort } from '../test/helpers/free-port.ts';
import { startSimulate } from '../test/helpers/simulate.ts';
import type { SimulateProcess } from '../test/helpers/simulate.ts';
import { runCommand } from './command.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(REPO, 'bin/railgate.mjs');
const PARTNERS = ['pixpay', 'lionbank', 'eurocard'];
/** The longest one run may take here: a hung run is stopped and reported as such. */
const RUN_DEADLINE_MS = 30 * 60_000;

export interface SandboxRow {
  partner: string;
  concurrency: number;
  /** Wall time of `railgate run`, start-up and reports included. */
  wallMs: number;
  /** Time from the first check's start to the last one's end. */
  checksMs: number;
  /** The longest chain of checks that cannot overlap. */
  chainMs: number;
  /** The checks of that chain that take longest, for the reader. */
  chainHead: string[];
  /** Per family, in run order: its checks' span and its share of the chain. */
  families: Array<{ family: string; spanMs: number; chainMs: number }>;
  verdict: string;
  code: number;
  /** The same run with --concurrency 1, when asked. */
  serial?: { wallMs: number; verdict: string; code: number };
}

export interface SandboxFigures {
  cores: number;
  node: string;
  load: string;
  rows: SandboxRow[];
}

export async function runSandboxBench(opts: { partners?: string[]; serial?: boolean; concurrency?: number; progress?: (line: string) => void } = {}): Promise<SandboxFigures> {
  const rows: SandboxRow[] = [];
  const load = [loadavg()[0]!.toFixed(1)];
  for (const id of opts.partners ?? PARTNERS) {
    const partner = await loadPartner(path.join(REPO, 'partners', `${id}.yaml`), REPO);
    const concurrency = checkConcurrency(partner.profile, { env: 'sandbox', ...(opts.concurrency !== undefined && { concurrency: opts.concurrency }) });
    const run = await sandboxRun(partner, ['--concurrency', String(concurrency)]);
    const chain = longestChain(partner, concurrency, run.durations);
    const families = chain.families.map((f) => ({ ...f, spanMs: run.spans.get(f.family) ?? 0 }));
    const row: SandboxRow = { partner: id, concurrency, wallMs: run.wallMs, checksMs: run.checksMs, chainMs: chain.ms, chainHead: chain.head, families, verdict: run.verdict, code: run.code };
    opts.progress?.(`  ${id}: ${(run.wallMs / 1000).toFixed(1)} s, chain ${(chain.ms / 1000).toFixed(1)} s, ${run.verdict}`);
    if (opts.serial) {
      const serial = await sandboxRun(partner, ['--concurrency', '1']);
      row.serial = { wallMs: serial.wallMs, verdict: serial.verdict, code: serial.code };
      opts.progress?.(`  ${id} one at a time: ${(serial.wallMs / 1000).toFixed(1)} s, ${serial.verdict}`);
    }
    rows.push(row);
    load.push(loadavg()[0]!.toFixed(1));
  }
  return { cores: cpus().length, node: process.version, load: load.join(' → '), rows };
}

export function formatSandboxBench(f: SandboxFigures): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `full run against 'railgate simulate --time-scale 1' as the sandbox (${f.cores} cores, node ${f.node}, load average ${f.load}):`,
    '  partner    concurrency     run   checks  longest chain  run ÷ chain  verdict' + (f.rows.some((r) => r.serial) ? '   one at a time' : ''),
  ];
  for (const r of f.rows) {
    const ratio = r.wallMs / r.chainMs;
    const serial = r.serial ? `   ${s(r.serial.wallMs)} (${r.serial.verdict}; ${(r.serial.wallMs / r.wallMs).toFixed(1)}× the concurrent run)` : '';
    lines.push(`  ${r.partner.padEnd(10)} ${String(r.concurrency).padStart(11)} ${s(r.wallMs).padStart(8)} ${s(r.checksMs).padStart(8)} ${s(r.chainMs).padStart(14)} ${ratio.toFixed(2).padStart(12)}  ${r.verdict}${ratio <= 1.3 ? '' : '  (goal ≤ 1.3: NOT met)'}${serial}`);
  }
  lines.push('  longest links of each chain:');
  for (const r of f.rows) lines.push(`    ${r.partner}: ${r.chainHead.join('; ')}`);
  lines.push('  per family, its checks from first start to last end ÷ its part of the chain:');
  for (const r of f.rows) lines.push(`    ${r.partner}: ${r.families.map((x) => `${x.family} ${s(x.spanMs)} ÷ ${s(x.chainMs)}`).join(', ')}`);
  return lines.join('\n');
}

interface RunFigures {
  wallMs: number;
  checksMs: number;
  verdict: string;
  code: number;
  /** Per `<family>\0<check>`: how long its test took. */
  durations: Map<string, number>;
  /** Per family: first start to last end. */
  spans: Map<string, number>;
}

/** One `railgate run --env sandbox` of the partner against its own simulator at real pace, in a copy of the workspace. */
async function sandboxRun(partner: Partner, args: string[]): Promise<RunFigures> {
  const dir = await mkdtemp(path.join(tmpdir(), 'railgate-sandbox-bench-'));
  let sim: SimulateProcess | undefined;
  try {
    for (const d of ['contracts', 'partners', 'suites']) await cp(path.join(REPO, d), path.join(dir, d), { recursive: true });
    const receiverPort = await freePort();
    const webhookUrl = `http://127.0.0.1:${receiverPort}${partner.profile.webhooks?.path ?? `/webhooks/${partner.id}`}`;
    const started = await startSimulate(['--partner', partner.id, '--time-scale', '1', '--webhook-url', webhookUrl], { cwd: dir, compiled: true });
    sim = started;
    const file = path.join(dir, 'partners', `${partner.id}.yaml`);
    const text = await readFile(file, 'utf8');
    const edited = text.replace(/(\n {2}sandbox:\n {4}baseUrl: )\S+/, `$1${started.baseUrl}\n    webhookUrl: ${webhookUrl}\n    receiverPort: ${receiverPort}`);
    if (edited === text) throw new Error(`${file}: no environments.sandbox.baseUrl to point at the simulator`);
    await writeFile(file, edited);
    const reports = path.join(dir, 'reports');
    const r = await runCommand(process.execPath, [BIN, 'run', '--env', 'sandbox', '--partner', partner.id, '--no-html', '--reports', reports, ...args], { cwd: dir, env: { ...partner.profile.environments.simulator?.testCredentials }, deadlineMs: RUN_DEADLINE_MS });
    const verdict = /^(GO|NO-GO|INCONCLUSIVE)\b/m.exec(r.out)?.[1] ?? `no verdict (exit ${r.code}): ${r.out.slice(-400)}`;
    return { wallMs: r.wallMs, verdict, code: r.code, ...(await testDurations(path.join(reports, 'allure-results'))) };
  } finally {
    sim?.kill();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Each check's duration (from its first step) and the span of them all, from the run's Allure results. */
async function testDurations(dir: string): Promise<Pick<RunFigures, 'durations' | 'checksMs' | 'spans'>> {
  const durations = new Map<string, number>();
  const ends = new Map<string, { from: number; to: number }>();
  let first = Infinity;
  let last = 0;
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('-result.json'))) {
    const r = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as { name: string; start?: number; stop?: number; labels?: Array<{ name: string; value: string }>; steps?: Array<{ start?: number }> };
    const family = r.labels?.find((l) => l.name === 'suite')?.value;
    if (!family || r.start === undefined || r.stop === undefined) continue;
    // A check's own time runs from its first step (the gate let it in), not from its test's start: a test side by side
    // may first wait for a place, which is the run's concurrency at work, not a link of the chain.
    const began = Math.min(r.stop, ...(r.steps ?? []).map((s) => s.start ?? r.stop!));
    durations.set(`${family}\0${r.name}`, r.stop - (r.steps?.length ? began : r.start));
    const span = ends.get(family);
    ends.set(family, { from: Math.min(span?.from ?? Infinity, r.start), to: Math.max(span?.to ?? 0, r.stop) });
    first = Math.min(first, r.start);
    last = Math.max(last, r.stop);
  }
  return { durations, checksMs: last - first, spans: new Map([...ends].map(([f, s]) => [f, s.to - s.from])) };
}

/**
 * The longest chain of checks that cannot overlap, as the run plans them: per family, in order, a check that runs
 * alone adds its own duration and a group of independent checks adds its longest. No run of the same checks with
 * the same durations can be shorter, whatever its concurrency.
 */
function longestChain(partner: Partner, concurrency: number, durations: ReadonlyMap<string, number>): { ms: number; head: string[]; families: Array<{ family: string; chainMs: number }> } {
  const plan = planPartner(partner, { env: 'sandbox' });
  const links: Array<{ name: string; ms: number }> = [];
  const families: Array<{ family: string; chainMs: number }> = [];
  for (const { family, checks } of plan.families) {
    const before = links.length;
    let group: Check[] = [];
    const close = (): void => {
      if (group.length === 0) return;
      const longest = group.map((c) => ({ name: `${family}: ${c.name}`, ms: durations.get(`${family}\0${c.name}`) ?? 0 })).sort((a, b) => b.ms - a.ms)[0]!;
      links.push({ ...longest, name: `${longest.name} (longest of ${group.length} side by side)` });
      group = [];
    };
    for (const check of checks) {
      if (runsBeside(check, concurrency)) {
        group.push(check);
        continue;
      }
      close();
      links.push({ name: `${family}: ${check.name} (alone)`, ms: durations.get(`${family}\0${check.name}`) ?? 0 });
    }
    close();
    families.push({ family, chainMs: links.slice(before).reduce((sum, l) => sum + l.ms, 0) });
  }
  const head = [...links].sort((a, b) => b.ms - a.ms).slice(0, 3).map((l) => `${l.name} ${(l.ms / 1000).toFixed(1)} s`);
  return { ms: links.reduce((sum, l) => sum + l.ms, 0), head, families };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--concurrency');
  const concurrency = at >= 0 ? Number(args[at + 1]) : undefined;
  const partners = args.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  console.log(formatSandboxBench(await runSandboxBench({ serial: args.includes('--serial'), ...(concurrency !== undefined && { concurrency }), ...(partners.length > 0 && { partners }), progress: (l) => console.log(l) })));
}
