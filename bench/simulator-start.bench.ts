// Start to first answer (issue 13, goal 6): `railgate simulate --contract FILE` beside Prism's `prism mock FILE`
// on each real contract in ../shared/contracts-real/, from the command to the first HTTP answer to a documented
// operation, interleaved. Prism is not a dependency: install it outside the project and point PRISM_BIN at it
// (npm install --prefix /tmp/prism @stoplight/prism-cli@5; PRISM_BIN=/tmp/prism/node_modules/.bin/prism).
// Run: node --import tsx bench/simulator-start.bench.ts [runs]
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { request } from 'undici';
import { parse } from 'yaml';
import { freePort } from '../test/helpers/free-port.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(REPO, 'bin/railgate.mjs');
const REAL = path.join(REPO, '../shared/contracts-real');
const GOAL = 1 / 3;
const GIVE_UP_MS = 120_000;
/** Prism's way of saying it will serve nothing (`✖  fatal  No operations found in the current file.`). */
const FATAL = /fatal\s+(.+)/;

export interface StartSample {
  ms: number;
  /** The status of the first answer; undefined when none came before GIVE_UP_MS or the process ended. */
  status?: number;
  /** Why no answer came: the tool's own fatal message (Prism stays up after one, answering nothing). */
  why?: string;
}

export interface StartCase {
  contract: string;
  probe: string;
  /** Warm: railgate's cache folder holds what a first start wrote (the loaded contract). */
  railgate: StartSample[];
  /** Cold: an empty cache folder each time. */
  cold: StartSample[];
  prism: StartSample[];
}

export interface StartFigures {
  cores: number;
  node: string;
  load: number;
  /** Why Prism was not measured, when it was not. */
  prismAbsent?: string;
  /** railgate ran its TypeScript through tsx (dist/ missing or out of date): start-up is slower than a user's. */
  throughTsx: boolean;
  cases: StartCase[];
}

/** The contracts: every OpenAPI file of the real providers (LICENSE and README files aside). */
async function contracts(): Promise<string[]> {
  const files: string[] = [];
  for (const provider of (await readdir(REAL, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    for (const f of await readdir(path.join(REAL, provider.name))) if (/\.(ya?ml|json)$/.test(f)) files.push(path.join(provider.name, f));
  }
  return files.sort();
}

/** A documented operation to ask: the first GET (else any method) of the first path, parameters filled with `x`. */
async function probeOf(file: string): Promise<{ method: string; path: string; base: string }> {
  const text = await readFile(path.join(REAL, file), 'utf8');
  const doc = (file.endsWith('.json') ? JSON.parse(text) : parse(text)) as { paths?: Record<string, Record<string, unknown>>; servers?: Array<{ url?: string }> };
  const entries = Object.entries(doc.paths ?? {});
  const methods = ['get', 'post', 'put', 'patch', 'delete'];
  const found = entries.find(([, item]) => 'get' in item) ?? entries.find(([, item]) => methods.some((m) => m in item));
  const url = doc.servers?.[0]?.url ?? '/';
  let base = '';
  try {
    base = new URL(url.replace(/\{[^}]+\}/g, 'x'), 'http://x').pathname.replace(/\/$/, '');
  } catch {
    base = '';
  }
  if (!found) return { method: 'GET', path: '/', base };
  const method = methods.find((m) => m in found[1]) ?? 'get';
  return { method: method.toUpperCase(), path: found[0].replace(/\{[^}]+\}/g, 'x'), base };
}

/** Spawns the command and asks `url` every 20 ms until any HTTP answer; then stops the process (by its pid). */
async function firstAnswer(command: string, args: string[], url: string, method: string, env: Record<string, string> = {}): Promise<StartSample & { stderr: string }> {
  const t0 = performance.now();
  const child: ChildProcess = spawn(command, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
  let stderr = '';
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  let sample: StartSample = { ms: GIVE_UP_MS };
  while (!exited && performance.now() - t0 < GIVE_UP_MS) {
    const fatal = FATAL.exec(output + stderr);
    if (fatal) {
      sample = { ms: performance.now() - t0, why: fatal[1]!.trim() };
      break;
    }
    try {
      const res = await request(url, { method: method as 'GET', headersTimeout: 60_000, bodyTimeout: 60_000, ...(method === 'GET' ? {} : { body: '{}', headers: { 'content-type': 'application/json' } }) });
      await res.body.text();
      sample = { ms: performance.now() - t0, status: res.statusCode };
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  if (!exited) child.kill('SIGTERM');
  await Promise.race([gone, new Promise((r) => setTimeout(r, 5_000))]);
  if (!exited) child.kill('SIGKILL');
  return { ...sample, stderr };
}

export async function runSimulatorStartBench(opts: { runs?: number; progress?: (line: string) => void } = {}): Promise<StartFigures> {
  const runs = opts.runs ?? 1;
  const prismBin = process.env.PRISM_BIN;
  const prismAbsent = !prismBin ? 'PRISM_BIN is not set' : !existsSync(prismBin) ? `PRISM_BIN=${prismBin} does not exist` : undefined;
  const cases: StartCase[] = [];
  let throughTsx = false;
  // railgate's cache (src/contract/disk-cache.ts) in folders of the bench's own: one per contract kept warm, one per cold start.
  const caches = await mkdtemp(path.join(tmpdir(), 'railgate-bench-start-'));
  const railgate = async (contract: string, probe: { method: string; path: string; base: string }, cache: string) => {
    const port = await freePort();
    const ours = await firstAnswer(process.execPath, [BIN, 'simulate', '--contract', path.join(REAL, contract), '--port', String(port)], `http://127.0.0.1:${port}${probe.base}${probe.path}`, probe.method, { RAILGATE_CACHE_DIR: cache });
    if (/running the TypeScript through tsx/.test(ours.stderr)) throughTsx = true;
    return ours;
  };
  for (const [k, contract] of (await contracts()).entries()) {
    const probe = await probeOf(contract);
    const c: StartCase = { contract, probe: `${probe.method} ${probe.path}`, railgate: [], cold: [], prism: [] };
    const warm = path.join(caches, `warm-${k}`);
    await railgate(contract, probe, warm);
    for (let i = 0; i < runs; i++) {
      const cold = await railgate(contract, probe, path.join(caches, `cold-${k}-${i}`));
      c.cold.push(sampleOf(cold));
      opts.progress?.(`  ${contract}: railgate cold ${fmt(cold)}`);
      const ours = await railgate(contract, probe, warm);
      c.railgate.push(sampleOf(ours));
      opts.progress?.(`  ${contract}: railgate warm ${fmt(ours)}`);
      if (prismAbsent || !prismBin) continue;
      const prismPort = await freePort();
      // Prism serves the document's paths at its root, without the server URL's base path.
      const theirs = await firstAnswer(prismBin, ['mock', '-p', String(prismPort), '-h', '127.0.0.1', path.join(REAL, contract)], `http://127.0.0.1:${prismPort}${probe.path}`, probe.method);
      c.prism.push(sampleOf(theirs));
      opts.progress?.(`  ${contract}: prism    ${fmt(theirs)}`);
    }
    cases.push(c);
  }
  await rm(caches, { recursive: true, force: true });
  return { cores: cpus().length, node: process.version, load: loadavg()[0]!, ...(prismAbsent ? { prismAbsent } : {}), throughTsx, cases };
}

const sampleOf = (s: StartSample): StartSample => ({ ms: s.ms, ...(s.status === undefined ? {} : { status: s.status }), ...(s.why === undefined ? {} : { why: s.why }) });
const fmt = (s: StartSample): string => (s.status !== undefined ? `${Math.round(s.ms)} ms (${s.status})` : s.why ? `cannot serve it: ${s.why}` : `no answer in ${Math.round(s.ms)} ms`);
const median = (xs: StartSample[]): number | undefined => {
  const answered = xs.filter((x) => x.status !== undefined).map((x) => x.ms).sort((a, b) => a - b);
  return answered.length === 0 ? undefined : answered[Math.floor((answered.length - 1) / 2)];
};

export function formatSimulatorStartBench(f: StartFigures): string {
  const lines = [`simulator start to first answer (${f.cores} cores, Node ${f.node}, load ${f.load.toFixed(1)}; median of the runs; goal: railgate ≤ ⅓ of Prism):`];
  if (f.throughTsx) lines.push('  note: railgate ran through tsx (dist/ missing or out of date: npm run build), not as a user runs it');
  if (f.prismAbsent) lines.push(`  Prism absent (${f.prismAbsent}): npm install --prefix /tmp/prism @stoplight/prism-cli@5, then PRISM_BIN=/tmp/prism/node_modules/.bin/prism npm run bench`);
  for (const c of f.cases) {
    const theirs = median(c.prism);
    const why = c.prism.find((p) => p.why)?.why;
    const ms = (x: number | undefined): string => (x === undefined ? '    —' : `${Math.round(x)}`.padStart(5));
    for (const [label, samples] of [['cold', c.cold], ['warm', c.railgate]] as const) {
      const ours = median(samples);
      const ratio = ours !== undefined && theirs !== undefined ? ours / theirs : undefined;
      const verdict = ratio === undefined ? (theirs === undefined && !f.prismAbsent ? `Prism cannot serve it${why ? `: ${why}` : ''}` : '') : `${ratio.toFixed(2)}× Prism; goal ≤ 0.33×: ${ratio <= GOAL ? 'met' : 'NOT met'}`;
      lines.push(`  ${(label === 'cold' ? c.contract : '').padEnd(44)} ${label} railgate ${ms(ours)} ms  Prism ${ms(theirs)} ms  ${verdict}${label === 'cold' ? `  (${c.probe})` : ''}`);
    }
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = process.argv[2] ? Number(process.argv[2]) : 1;
  console.log(formatSimulatorStartBench(await runSimulatorStartBench({ runs, progress: (l) => console.log(l) })));
}
