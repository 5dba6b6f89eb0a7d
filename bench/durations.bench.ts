// Whether the example run's wall time follows the durations its profiles and scenarios declare: the whole run
// (`railgate run`, every partner against its simulator) on a copy of the example workspace as is (the
// baseline) and on a copy with every duration ×10, interleaved in one session so both see the same machine
// load. Against the simulator no verdict and no wall time should follow the declared durations: the ratio is
// the measure. A run that is not GO for every partner measures nothing, so verdicts are shown with the times.
// Run: node --import tsx bench/durations.bench.ts [pairs]
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, Scalar } from 'yaml';
import type { Readiness } from '../src/readiness/index.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(REPO, 'src/cli/main.ts');
/** Resolved here: the run's working directory is the copied workspace, which has no node_modules. */
const TSX = import.meta.resolve('tsx');
/** What `railgate run` reads from its working directory; vocabulary and schemas come with railgate itself. */
const WORKSPACE = ['contracts', 'partners', 'suites'];
/**
 * The duration syntax of src/profile/duration.ts. The examples write every duration with its unit and no fault
 * step with a numeric Retry-After: bare numbers there are amounts, counts and request fields, left alone.
 */
const DURATION = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/;

export interface ScaledDuration {
  file: string;
  /** Dotted path to the value, e.g. `transactions.payout.simulate.path[0].after`. */
  at: string;
  from: string;
  to: string;
}

export interface RunSample {
  wallMs: number;
  code: number;
  /** Partner id → verdict, '(none)' when the run wrote no readiness for it. */
  verdicts: Record<string, string>;
  /** Per partner that is not GO: each family concerned with its first failed (else broken) check. */
  notPassed: Record<string, string[]>;
}

export interface DurationsBenchFigures {
  cores: number;
  node: string;
  factor: number;
  scaledDurations: ScaledDuration[];
  baseline: RunSample[];
  scaled: RunSample[];
}

/** Every duration of the workspace's profiles and scenarios multiplied in place; what was scaled. */
export async function scaleDurations(root: string, factor: number): Promise<ScaledDuration[]> {
  const scaled: ScaledDuration[] = [];
  for (const file of await yamlFiles(root, ['partners', 'suites'])) {
    const full = path.join(root, file);
    const text = await readFile(full, 'utf8');
    const edits: Array<{ start: number; end: number; text: string }> = [];
    walk(parseDocument(text).contents, '', (node, at) => {
      const from = node.value;
      if (typeof from !== 'string') return;
      const m = DURATION.exec(from);
      if (!m || !node.range) return;
      const to = `${Number((Number(m[1]) * factor).toPrecision(12))}${m[2]}`;
      // The source text is edited at the scalar's own range, quotes kept: comments and layout stay byte for byte.
      const [start, end] = node.range;
      edits.push({ start, end, text: text.slice(start, end).replace(from, to) });
      scaled.push({ file, at, from, to });
    });
    let next = text;
    for (const e of edits.sort((a, b) => b.start - a.start)) next = next.slice(0, e.start) + e.text + next.slice(e.end);
    if (next !== text) await writeFile(full, next);
  }
  return scaled;
}

function walk(node: Node | null, at: string, visit: (scalar: Scalar, at: string) => void): void {
  if (isScalar(node)) visit(node, at);
  else if (isMap(node)) for (const pair of node.items) walk(pair.value as Node | null, `${at ? `${at}.` : ''}${String(isScalar(pair.key) ? pair.key.value : pair.key)}`, visit);
  else if (isSeq(node)) node.items.forEach((item, i) => walk(item as Node | null, `${at}[${i}]`, visit));
}

async function yamlFiles(root: string, dirs: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    for (const entry of await readdir(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.ya?ml$/.test(entry.name)) found.push(path.relative(root, path.join(entry.parentPath, entry.name)));
    }
  }
  return found.sort();
}

async function copyWorkspace(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  for (const d of WORKSPACE) await cp(path.join(REPO, d), path.join(dir, d), { recursive: true });
  return dir;
}

/** The whole example run from `workspace`, as `railgate run` runs it; its own output is kept only for a crash. */
async function runOnce(workspace: string): Promise<RunSample> {
  const reports = await mkdtemp(path.join(tmpdir(), 'railgate-bench-reports-'));
  try {
    const t0 = performance.now();
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', TSX, CLI, 'run', '--reports', reports], { cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
      child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
      child.on('close', (c) => resolve({ code: c ?? -1, output }));
    });
    const wallMs = performance.now() - t0;
    const verdicts: RunSample['verdicts'] = {};
    const notPassed: RunSample['notPassed'] = {};
    for (const file of await readdir(path.join(workspace, 'partners'))) {
      const id = file.replace(/\.ya?ml$/, '');
      const ready = await readFile(path.join(reports, 'readiness', `${id}.json`), 'utf8').then((t) => JSON.parse(t) as Readiness, () => undefined);
      verdicts[id] = ready?.verdict ?? '(none)';
      if (ready && ready.verdict !== 'GO') {
        notPassed[id] = Object.entries(ready.families).flatMap(([family, f]) => {
          const checks = f?.failed.length ? f.failed : (f?.broken ?? []);
          return checks.length ? [`${family}: ${checks[0]}${checks.length > 1 ? ` +${checks.length - 1}` : ''}`] : [];
        });
      }
    }
    // Bad input or a crash before any verdict: there is no run to time.
    if (Object.values(verdicts).every((v) => v === '(none)')) throw new Error(`railgate run in ${workspace} gave no verdict (exit ${code}):\n${output}`);
    return { wallMs, code, verdicts, notPassed };
  } finally {
    await rm(reports, { recursive: true, force: true });
  }
}

export async function runDurationsBench(opts: { pairs?: number; factor?: number; progress?: (line: string) => void } = {}): Promise<DurationsBenchFigures> {
  const pairs = opts.pairs ?? 2;
  const factor = opts.factor ?? 10;
  const progress = opts.progress ?? (() => undefined);
  const asIs = await copyWorkspace('railgate-bench-baseline-');
  const longer = await copyWorkspace('railgate-bench-scaled-');
  try {
    const scaledDurations = await scaleDurations(longer, factor);
    const baseline: RunSample[] = [];
    const scaled: RunSample[] = [];
    for (let i = 1; i <= pairs; i++) {
      for (const [name, dir, samples] of [['as declared', asIs, baseline], [`×${factor}`, longer, scaled]] as const) {
        const s = await runOnce(dir);
        samples.push(s);
        progress(`  pair ${i}/${pairs}  ${name.padEnd(11)}  ${seconds(s.wallMs)}  exit ${s.code}  ${verdictLine(s)}`);
      }
    }
    return { cores: cpus().length, node: process.version, factor, scaledDurations, baseline, scaled };
  } finally {
    await Promise.all([rm(asIs, { recursive: true, force: true }), rm(longer, { recursive: true, force: true })]);
  }
}

/** Whether every run was GO for every partner: only then do the times mean anything. */
export function allGo(f: DurationsBenchFigures): boolean {
  return [...f.baseline, ...f.scaled].every(everyGo);
}

const everyGo = (s: RunSample): boolean => s.code === 0 && Object.values(s.verdicts).every((v) => v === 'GO');

export function formatDurationsBench(f: DurationsBenchFigures): string {
  const wall = (samples: RunSample[]) => {
    const ms = samples.map((s) => s.wallMs).sort((a, b) => a - b);
    return { min: ms[0] ?? Number.NaN, median: median(ms) };
  };
  const base = wall(f.baseline);
  const long = wall(f.scaled);
  const byKey = new Map<string, number>();
  for (const d of f.scaledDurations) {
    const key = d.at.replace(/.*\./, '').replace(/\[\d+\]$/, '');
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  const row = (name: string, w: { min: number; median: number }, samples: RunSample[]) =>
    `  ${name.padEnd(24)} min ${seconds(w.min)}  median ${seconds(w.median)}  ${samples.filter(everyGo).length}/${samples.length} runs GO for every partner`;
  return [
    `example run, durations as declared and ×${f.factor} (${f.cores} cores, Node ${f.node}, ${f.baseline.length} pair${f.baseline.length === 1 ? '' : 's'}, interleaved):`,
    `  scaled ×${f.factor}: ${f.scaledDurations.length} durations in ${new Set(f.scaledDurations.map((d) => d.file)).size} files (${[...byKey].map(([k, n]) => `${k} ${n}`).join(', ')})`,
    row('as declared (baseline)', base, f.baseline),
    row(`durations ×${f.factor}`, long, f.scaled),
    `  ratio ×${f.factor} / baseline: median ${(long.median / base.median).toFixed(2)}, min ${(long.min / base.min).toFixed(2)}${allGo(f) ? '' : '  — NOT every run was GO: these times measure a failing run'}`,
  ].join('\n');
}

function verdictLine(s: RunSample): string {
  return Object.entries(s.verdicts)
    .map(([id, v]) => `${id} ${v}${s.notPassed[id]?.length ? ` (${s.notPassed[id].join('; ')})` : ''}`)
    .join('  ');
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1).padStart(6)} s`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await runDurationsBench({ pairs: process.argv[2] ? Number(process.argv[2]) : undefined, progress: (line) => console.log(line) });
  console.log(formatDurationsBench(figures));
  if (!allGo(figures)) process.exitCode = 1;
}
