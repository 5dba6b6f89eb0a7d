// Contract loading (issue 13, goal 5): `railgate lint` of a workspace whose one partner names a real published
// contract, beside swagger-parser's `validate` of the same file, each a whole process, interleaved; lint cold (an
// empty cache folder: everything computed, then written) and warm (the cache a first lint wrote: the loaded contract
// and its findings read back); and `sign` against the largest of them. Wall time and the process's own peak memory.
// Run: node --import tsx bench/contracts.bench.ts [runs]
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, REPO, measure, median } from './cli.bench.ts';
import type { CliSample } from './cli.bench.ts';

const CONTRACTS = path.resolve(REPO, '../shared/contracts-real');
/**
 * The baseline: swagger-parser reads, dereferences and validates the file, offline as railgate is (no remote
 * `$ref` fetched) and going on past the first broken `$ref` (`continueOnError`): without it Square's 3 MB stops
 * at its first missing target after 0.2 s, having checked nothing.
 */
const VALIDATE = `import('@apidevtools/swagger-parser').then((m) => m.default.validate(process.argv[1], { continueOnError: true, resolve: { external: false } })).catch(() => {})`;

export interface ContractCase {
  file: string;
  /** Warm: the cache folder holds what a first lint of the same workspace wrote. */
  lint: CliSample[];
  /** Cold: an empty cache folder each time. */
  cold: CliSample[];
  validate: CliSample[];
}

/** `measure` with railgate's cache in `dir` (src/contract/disk-cache.ts): the child inherits the environment. */
async function measureCached(dir: string, args: string[], cwd: string): Promise<CliSample> {
  const was = process.env.RAILGATE_CACHE_DIR;
  process.env.RAILGATE_CACHE_DIR = dir;
  try {
    return await measure(args, cwd);
  } finally {
    if (was === undefined) delete process.env.RAILGATE_CACHE_DIR;
    else process.env.RAILGATE_CACHE_DIR = was;
  }
}

export interface ContractFigures {
  cores: number;
  node: string;
  cases: ContractCase[];
  /** `sign` against the largest contract, and the goal (1 s). */
  sign?: { file: string; samples: CliSample[] };
}

/** A workspace of one partner: the contract as published and the smallest profile, lenient (Square breaks the OpenAPI schema). */
async function workspace(dir: string, file: string): Promise<void> {
  await mkdir(path.join(dir, 'partners'), { recursive: true });
  await mkdir(path.join(dir, 'contracts'), { recursive: true });
  await copyFile(file, path.join(dir, 'contracts', path.basename(file)));
  await writeFile(path.join(dir, 'partners', 'real.yaml'), `id: real\nname: real\ncontract: ../contracts/${path.basename(file)}\nrails: [XX-TEST]\nenvironments: {}\ncontractValidation: lenient\n`);
}

export async function runContractsBench(opts: { runs?: number } = {}): Promise<ContractFigures | undefined> {
  if (!existsSync(CONTRACTS)) return undefined;
  const runs = opts.runs ?? 3;
  const files: string[] = [];
  for (const d of (await readdir(CONTRACTS, { withFileTypes: true })).filter((e) => e.isDirectory())) {
    for (const f of (await readdir(path.join(CONTRACTS, d.name))).sort()) if (/\.(ya?ml|json)$/.test(f)) files.push(path.join(CONTRACTS, d.name, f));
  }
  const tmp = await mkdtemp(path.join(tmpdir(), 'railgate-bench-contracts-'));
  const cases: ContractCase[] = [];
  let sign: ContractFigures['sign'];
  try {
    for (const [i, file] of files.entries()) {
      const ws = path.join(tmp, String(i));
      await workspace(ws, file);
      const c: ContractCase = { file: path.relative(CONTRACTS, file), lint: [], cold: [], validate: [] };
      const warm = path.join(tmp, `cache-${i}`);
      await measureCached(warm, [BIN, 'lint'], ws);
      for (let r = 0; r < runs; r++) {
        c.validate.push(await measure(['--input-type=module', '-e', VALIDATE, file], REPO));
        c.cold.push(await measureCached(path.join(tmp, `cache-${i}-cold-${r}`), [BIN, 'lint'], ws));
        c.lint.push(await measureCached(warm, [BIN, 'lint'], ws));
      }
      cases.push(c);
    }
    const largest = files.find((f) => f.endsWith('square/api.json'));
    if (largest) {
      const ws = path.join(tmp, String(files.indexOf(largest)));
      sign = { file: path.relative(CONTRACTS, largest), samples: [] };
      for (let r = 0; r < runs; r++) sign.samples.push(await measure([BIN, 'sign', '--partner', 'real', '--operation', 'CreatePayment', '--at', '1763733600'], ws));
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return { cores: cpus().length, node: process.version, cases, ...(sign && { sign }) };
}

export function formatContractsBench(f: ContractFigures | undefined): string {
  if (!f) return `contract loading: ${CONTRACTS} not found, skipped`;
  const lines = [`contract loading (${f.cores} cores, Node ${f.node}, load average ${loadavg()[0]?.toFixed(1)} at the end, ${f.cases[0]?.lint.length ?? 0} runs each, interleaved; whole process, its peak memory; goal: lint ≤ 1.5× validate's time, ≤ 2× its memory):`];
  lines.push(`  ${'contract'.padEnd(52)} ${'lint'.padEnd(5)} ${'validate'.padStart(8)} ${'lint'.padStart(8)}  ratio   ${'validate'.padStart(8)} ${'lint'.padStart(8)}  ratio`);
  for (const c of f.cases) {
    const v = median(c.validate.map((s) => s.wallMs));
    const vm = Math.max(...c.validate.map((s) => s.rssMb));
    for (const [label, samples] of [['cold', c.cold], ['warm', c.lint]] as const) {
      const l = median(samples.map((s) => s.wallMs));
      const lm = Math.max(...samples.map((s) => s.rssMb));
      const met = l <= 1.5 * v && lm <= 2 * vm;
      const exits = [...new Set(samples.map((s) => s.code))].join('/');
      lines.push(`  ${(label === 'cold' ? c.file : '').padEnd(52)} ${label.padEnd(5)} ${`${v.toFixed(0)} ms`.padStart(8)} ${`${l.toFixed(0)} ms`.padStart(8)}  ${(l / v).toFixed(2).padStart(5)}   ${`${vm.toFixed(0)} MB`.padStart(8)} ${`${lm.toFixed(0)} MB`.padStart(8)}  ${(lm / vm).toFixed(2).padStart(5)}  ${met ? 'met' : 'NOT met'} (lint exit ${exits})`);
    }
  }
  if (f.sign) {
    const ms = median(f.sign.samples.map((s) => s.wallMs));
    lines.push(`  sign against ${f.sign.file}: median ${ms.toFixed(0)} ms, ${Math.max(...f.sign.samples.map((s) => s.rssMb)).toFixed(0)} MB (goal ≤ 1000 ms: ${ms <= 1000 ? 'met' : 'NOT met'}; exit ${[...new Set(f.sign.samples.map((s) => s.code))].join('/')})`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatContractsBench(await runContractsBench({ runs: process.argv[2] ? Number(process.argv[2]) : undefined })));
}
