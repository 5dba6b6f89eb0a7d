import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import type { Partner } from '../partner/index.ts';
import { judgeReadiness, readinessMarkdown } from '../readiness/index.ts';
import type { Readiness } from '../readiness/index.ts';
import { RUN_CONFIG_VAR, encodeRunConfig } from '../suite/run-config.ts';
import type { RunConfig } from '../suite/run-config.ts';
import { OutcomeCollector } from './collect-outcomes.ts';
import { AllureResultsReporter } from './allure-writer.ts';
import { writeAllureMetadata } from './allure-metadata.ts';

/** Where railgate itself lives: the generated suite file is part of it. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SUITE_FILE = 'src/suite/partners.suite.ts';
/** Report name, and the tree grouped partner > family > check instead of by source file. */
const ALLURE_CONFIG = fileURLToPath(new URL('./allurerc.json', import.meta.url));

export interface RunResult {
  readiness: Readiness[];
  /** Problems of the harness itself (a suite that failed to load): exit 2, not a verdict. */
  harnessErrors: string[];
  allureReport?: string;
}

/**
 * Runs the generated suites for already validated partners through vitest, then writes the reports:
 * Allure results and HTML, JUnit XML, readiness JSON and Markdown per partner.
 */
export async function runSuites(partners: Partner[], config: RunConfig, reportsDir: string, log: (s: string) => void, opts: { html: boolean } = { html: true }): Promise<RunResult> {
  const results = path.join(reportsDir, 'allure-results');
  await rm(results, { recursive: true, force: true });
  await mkdir(path.join(reportsDir, 'readiness'), { recursive: true });
  await writeAllureMetadata(results, partners, config);
  const collector = new OutcomeCollector();
  process.env[RUN_CONFIG_VAR] = encodeRunConfig(config);
  const vitest = await startVitest(
    'test',
    [],
    {
      config: false,
      root: PACKAGE_ROOT,
      include: [SUITE_FILE],
      watch: false,
      testTimeout: 120_000,
      hookTimeout: 60_000,
      pool: 'forks',
      // Transformed modules kept on disk between runs (node_modules/.experimental-vitest-cache, keyed by content):
      // a second run skips most of the TypeScript transform — seconds of the engineer's loop.
      experimental: { fsModuleCache: true },
      reporters: [
        ['default', { summary: false }],
        new AllureResultsReporter(path.resolve(results)),
        ['junit', { suiteName: 'railgate', outputFile: path.resolve(reportsDir, 'junit.xml') }],
        collector,
      ],
    },
    {},
  );
  await vitest.close();
  const readiness: Readiness[] = [];
  const partial = Boolean(config.family || config.scenario);
  for (const p of partners) {
    const r = judgeReadiness({
      partner: { id: p.id, name: p.profile.name, rails: p.profile.rails, required: p.profile.readiness?.required, excluded: p.profile.readiness?.exclude },
      operations: {
        all: [...p.contract.operations.values()].map((op) => ({ id: op.id, method: op.method, path: op.path })),
        used: p.profile.readiness?.operations,
        excluded: p.profile.readiness?.excludeOperations,
        min: p.profile.readiness?.minOperationCoverage,
      },
      contract: { title: p.contract.title, version: p.contract.version, hash: p.contract.hash },
      environment: config.env,
      seed: config.seed,
      partial,
      outcomes: collector.outcomes.filter((o) => o.partner === p.id),
      now: new Date(),
    });
    readiness.push(r);
    await writeFile(path.join(reportsDir, 'readiness', `${p.id}.json`), JSON.stringify(r, null, 2) + '\n');
    await writeFile(path.join(reportsDir, 'readiness', `${p.id}.md`), readinessMarkdown(r));
  }
  // The HTML report takes seconds to build: an engineer chasing one scenario reads the console and asks for it.
  const allureReport = opts.html ? await generateAllureReport(results, path.join(reportsDir, 'allure-report'), log) : undefined;
  return { readiness, harnessErrors: collector.errors, allureReport };
}

/** allure's package.json is not exported; its folder is found from the main entry point. */
function allureCli(): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve('allure'));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { bin: string | Record<string, string> };
  return path.join(dir, typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin.allure ?? ''));
}

/** The Allure 3 CLI (JavaScript), run as a child process: its output is its own, its failure is not a verdict. */
async function generateAllureReport(results: string, output: string, log: (s: string) => void): Promise<string | undefined> {
  const bin = allureCli();
  await rm(output, { recursive: true, force: true });
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [bin, 'generate', results, '--config', ALLURE_CONFIG, '--output', output], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (c) => {
      clearTimeout(timer);
      if (c !== 0) log(`allure generate failed (${c}): ${err.trim().split('\n').slice(-3).join(' ')}`);
      resolve(c ?? 1);
    });
  });
  return code === 0 ? path.join(output, 'index.html') : undefined;
}
