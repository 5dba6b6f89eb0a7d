// The example run's verdicts under a CPU hog. Against the embedded simulator no verdict may depend on how busy
// the machine is: with 4 busy processes per core, the main job (every example partner against its simulator)
// must be GO for every partner in every run, and every planted partner defect must still be caught the way
// the test suite proves it (exit 1, NO-GO, the defect's family failed).
//
// Run: node --import tsx scripts/under-load.ts [N | --runs N] [--only-runs | --only-defects] [--defect NAME]…
//   N, --runs, RUNS        runs of the main job (default 20)
//   --test                 then `npm test` once, under the same load: it must pass
//   --defect NAME          only these defects (repeatable); default every partner defect of the catalogue
//   HOG_SECONDS            each busy process ends by itself after this (default 10 minutes per planned run)
//   RUN_TIMEOUT_SECONDS    a run still going after this is stopped and counted missed (default 900)
// Exit 0: nothing missed; 1: some run missed; 2: bad usage, or the load ended before the runs did.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { availableParallelism, constants, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Readiness } from '../src/readiness/index.ts';
import { DEFECTS } from '../src/simulator/index.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BUSY_PER_CORE = 4;
/** Not railgate's own misbehaviour (its crash, its receiver made wrong: test-only, proven by the tests): no partner defect to catch. */
const PARTNER_DEFECTS = DEFECTS.filter((d) => !d.testOnly);

/** The partner on which the test suite proves a defect caught (test/*-family.test.ts), where that is not pixpay. */
const PROVEN_ON: Record<string, { partner: string }> = {
  'accept-unknown-api-key': { partner: 'eurocard' },
  'over-refund': { partner: 'eurocard' },
  'webhook-wrong-type': { partner: 'eurocard' },
  'card-data-echoed': { partner: 'eurocard' },
  'reflect-credentials': { partner: 'eurocard' },
};

interface Job {
  label: string;
  args: string[];
  /** Set for a defect: the partner and family that must fail. */
  expect?: { partner: string; family: string };
  /** Another command than railgate's main job (`npm test`): it must exit 0. */
  exec?: [string, string[]];
}

interface Outcome {
  job: Job;
  ms: number;
  code: number | 'timeout';
  /** Partner id → readiness, when written. */
  ready: Map<string, Readiness>;
  ok: boolean;
  line: string;
}

const usage = 'usage: node --import tsx scripts/under-load.ts [N | --runs N] [--only-runs | --only-defects] [--defect NAME]… [--test]';
let opts: ReturnType<typeof options>;
try {
  opts = options();
} catch (e) {
  console.error(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
  process.exit(2);
}

const partners = (await readdir(path.join(REPO, 'partners'))).filter((f) => /\.ya?ml$/.test(f)).map((f) => f.replace(/\.ya?ml$/, '')).sort();
const work = await mkdtemp(path.join(tmpdir(), 'railgate-under-load-'));
const jobs: Job[] = [
  ...Array.from({ length: opts.runs }, (_, i) => ({ label: `run ${String(i + 1).padStart(String(opts.runs).length)}/${opts.runs}`, args: [] })),
  ...(await defectJobs(opts.defects)),
  ...(opts.test ? [{ label: 'npm test', args: [], exec: ['npm', ['test']] as [string, string[]] }] : []),
];
const hogSeconds = opts.hogSeconds ?? jobs.length * 600;
const runTimeoutMs = opts.runTimeoutSeconds * 1000;

// Nothing started here may outlive the script: the job's whole process group and every busy process are killed
// on any exit. Killed outright (no trap runs), the script still leaves nothing: a busy process ends as soon as the
// script is gone, or at its own deadline, and a watchdog takes the running job's group with it.
const hogs: ChildProcess[] = [];
let running: { job: ChildProcess; guard: ChildProcess } | undefined;
process.on('exit', () => {
  for (const h of hogs) h.kill('SIGKILL');
  if (running?.job.pid) killGroup(running.job.pid);
  running?.guard.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`\nstopped by ${signal}; logs in ${work}`);
    process.exit(128 + constants.signals[signal]);
  });
}
const watchdog = `setInterval(() => { try { process.kill(${process.pid}, 0); } catch { try { process.kill(-Number(process.argv[1]), 'SIGKILL'); } catch {} process.exit(0); } }, 500);`;

const cores = availableParallelism();
const busy = `const end = Date.now() + ${hogSeconds * 1000};
for (let i = 1; ; i++) if (i % 5e6 === 0) { if (Date.now() > end) process.exit(0); try { process.kill(${process.pid}, 0); } catch { process.exit(0); } }`;
for (let i = 0; i < cores * BUSY_PER_CORE; i++) hogs.push(spawn(process.execPath, ['-e', busy], { stdio: 'ignore' }));
console.log(`under load: ${hogs.length} busy processes (${BUSY_PER_CORE} per core, ${cores} cores), each ending within ${hogSeconds} s · node ${process.version} · work dir ${work}`);

const outcomes: Outcome[] = [];
for (const job of jobs) {
  const outcome = await run(job);
  outcomes.push(outcome);
  console.log(outcome.line);
  if (hogs.some((h) => h.exitCode !== null || h.signalCode !== null)) {
    console.error(`the busy processes ended during '${job.label}' (HOG_SECONDS ${hogSeconds}): a run without the load proves nothing, stopping; logs in ${work}`);
    process.exit(2);
  }
}
console.log(summary(outcomes));
const missed = outcomes.filter((o) => !o.ok).length;
if (missed === 0) await rm(work, { recursive: true, force: true });
else console.log(`logs and the reports of the missed runs: ${work}`);
process.exit(missed === 0 ? 0 : 1);

function options(): { runs: number; defects: string[] | undefined; test: boolean; hogSeconds: number | undefined; runTimeoutSeconds: number } {
  const { values, positionals } = parseArgs({
    options: { runs: { type: 'string' }, 'only-runs': { type: 'boolean' }, 'only-defects': { type: 'boolean' }, defect: { type: 'string', multiple: true }, test: { type: 'boolean' } },
    allowPositionals: true,
  });
  const runs = values['only-defects'] ? 0 : Number(values.runs ?? positionals[0] ?? process.env.RUNS ?? 20);
  if (!Number.isInteger(runs) || runs < 0) throw new Error(`the number of runs must be a whole number (got '${values.runs ?? positionals[0] ?? process.env.RUNS}')`);
  const unknown = (values.defect ?? []).filter((d) => !PARTNER_DEFECTS.some((s) => s.name === d));
  if (unknown.length > 0) throw new Error(`unknown defect '${unknown[0]}' (defects: ${PARTNER_DEFECTS.map((d) => d.name).join(', ')})`);
  return { runs, defects: values['only-runs'] ? [] : values.defect, test: values.test === true, hogSeconds: envSeconds('HOG_SECONDS'), runTimeoutSeconds: envSeconds('RUN_TIMEOUT_SECONDS') ?? 900 };
}

function envSeconds(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!(n > 0)) throw new Error(`${name} must be a number of seconds (got '${text}')`);
  return n;
}

async function defectJobs(only: string[] | undefined): Promise<Job[]> {
  const jobs: Job[] = [];
  for (const d of PARTNER_DEFECTS.filter((s) => !only || only.includes(s.name))) {
    const proven = PROVEN_ON[d.name];
    const partner = proven?.partner ?? 'pixpay';
    jobs.push({
      label: `defect ${d.name}`,
      // Without the HTML report, as the tests run a family: the verdict is in the readiness JSON.
      args: ['--partner', partner, '--family', d.family, '--defect', d.name, '--no-html'],
      expect: { partner, family: d.family },
    });
  }
  return jobs;
}

/** One job under the load: its output to a log, its verdicts read back, judged against what it must show. */
async function run(job: Job): Promise<Outcome> {
  const name = job.label.replace(/[^a-z0-9-]+/gi, '-');
  const reports = path.join(work, name);
  await mkdir(reports, { recursive: true });
  const log = path.join(work, `${name}.log`);
  const t0 = performance.now();
  const code = await railgate([...job.args, '--reports', reports], log, job.exec);
  const ms = performance.now() - t0;
  if (job.exec) {
    const ok = code === 0;
    return { job, ms, code, ready: new Map(), ok, line: `${job.label.padEnd(34)} ${(ms / 1000).toFixed(1).padStart(6)} s  exit ${code}${ok ? '' : `  MISSED (log: ${log})`}` };
  }
  const ready = new Map<string, Readiness>();
  for (const p of job.expect ? [job.expect.partner] : partners) {
    const text = await readFile(path.join(reports, 'readiness', `${p}.json`), 'utf8').catch(() => undefined);
    if (text) ready.set(p, JSON.parse(text) as Readiness);
  }
  let ok: boolean;
  let shown: string;
  if (job.expect) {
    const { partner, family } = job.expect;
    const r = ready.get(partner);
    const status = r?.families[family as keyof Readiness['families']]?.status;
    ok = code === 1 && r?.verdict === 'NO-GO' && status === 'failed';
    shown = `${partner}/${family} ${r?.verdict ?? '(no readiness)'}, ${family} ${status ?? 'not run'}`;
  } else {
    ok = code === 0 && partners.every((p) => ready.get(p)?.verdict === 'GO');
    shown = partners.map((p) => `${p} ${verdictOf(ready.get(p))}`).join('  ');
  }
  if (ok) await rm(reports, { recursive: true, force: true });
  const head = `${job.label.padEnd(34)} ${(ms / 1000).toFixed(1).padStart(6)} s  exit ${code}`;
  return { job, ms, code, ready, ok, line: `${head}  ${shown}${ok ? '' : `  MISSED (log: ${log})`}` };
}

/** GO, or the verdict with the first failed (else broken) check of each family concerned: what a flip needs to be read. */
function verdictOf(r: Readiness | undefined): string {
  if (!r) return '(no readiness)';
  if (r.verdict === 'GO') return 'GO';
  const first = Object.entries(r.families).flatMap(([family, f]) => {
    const checks = f?.failed.length ? f.failed : (f?.broken ?? []);
    return checks.length ? [`${family}: ${checks[0]}${checks.length > 1 ? ` +${checks.length - 1}` : ''}`] : [];
  });
  return `${r.verdict} (${first.join('; ') || r.reasons[0]?.split('\n')[0] || 'no reason given'})`;
}

/** `npm start -- …` from the project, or the job's own command. */
function railgate(args: string[], log: string, exec?: [string, string[]]): Promise<number | 'timeout'> {
  const [command, argv] = exec ?? ['npm', ['start', '--', ...args]];
  const out = openSync(log, 'w');
  // Its own process group, so that the CLI, its test workers and the report generator go together.
  const child = spawn(command, argv, { cwd: REPO, detached: true, stdio: ['ignore', out, out], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  closeSync(out);
  const guard = spawn(process.execPath, ['-e', watchdog, String(child.pid)], { stdio: 'ignore' });
  running = { job: child, guard };
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) killGroup(child.pid);
    }, runTimeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      // Whatever the CLI left behind goes with it.
      if (child.pid) killGroup(child.pid);
      guard.kill('SIGKILL');
      running = undefined;
      resolve(timedOut ? 'timeout' : (code ?? 2));
    });
  });
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function summary(all: Outcome[]): string {
  const runs = all.filter((o) => !o.job.expect && !o.job.exec);
  const defects = all.filter((o) => o.job.expect);
  const lines = [`summary (${cores} cores, ${hogs.length} busy processes, node ${process.version})`];
  if (runs.length > 0) {
    const ms = runs.map((o) => o.ms).sort((a, b) => a - b);
    const s = (x: number | undefined) => `${((x ?? 0) / 1000).toFixed(0)} s`;
    lines.push(`  main job   ${runs.filter((o) => o.code === 0).length}/${runs.length} runs exit 0   wall min ${s(ms[0])}, median ${s(ms[Math.floor(ms.length / 2)])}, max ${s(ms.at(-1))}`);
    for (const p of partners) {
      const notGo = runs.flatMap((o, i) => (o.ready.get(p)?.verdict === 'GO' ? [] : [`${i + 1} (${o.ready.get(p)?.verdict ?? 'no readiness'})`]));
      lines.push(`    ${p.padEnd(10)} GO ${runs.length - notGo.length}/${runs.length}${notGo.length ? `   not GO in run ${notGo.join(', ')}` : ''}`);
    }
  }
  if (defects.length > 0) {
    const missed = defects.filter((o) => !o.ok);
    lines.push(`  defects    ${defects.length - missed.length}/${defects.length} caught${missed.length ? `   missed: ${missed.map((o) => o.job.label.replace('defect ', '')).join(', ')}` : ''}`);
  }
  for (const o of all.filter((x) => x.job.exec)) lines.push(`  ${o.job.label.padEnd(10)} ${o.ok ? 'passed' : 'FAILED'} in ${(o.ms / 1000).toFixed(0)} s`);
  return lines.join('\n');
}
