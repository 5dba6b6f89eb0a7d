import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import type { Partner } from '../partner/index.ts';
import type { Readiness } from '../readiness/index.ts';
import { CHECK_TIMEOUT_MS, COMPILED_SUITES_VAR, RUN_CONFIG_VAR, checkConcurrency, encodeRunConfig } from '../suite/run-config.ts';
import type { RunConfig } from '../suite/run-config.ts';
import { OutcomeCollector } from './collect-outcomes.ts';
import { isPartialRun, judgePartner } from './judge-partner.ts';
import { consoleMode } from './console-lines.ts';
import type { ReporterChoice } from './console-lines.ts';
import { ConsoleReporter } from './console-reporter.ts';
import { AllureResultsReporter } from './allure-writer.ts';
import { writeAllureMetadata } from './allure-metadata.ts';
import { writeReports } from './write-reports.ts';
import { stageReports } from './staged-reports.ts';

/** Where railgate itself lives: the generated suite file is part of it. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SUITE_FILE = 'src/suite/partners.suite.ts';

export interface RunResult {
  readiness: Readiness[];
  /** Problems of the harness itself (a suite that failed to load): exit 2, not a verdict. */
  harnessErrors: string[];
  allureReport?: string;
}

/**
 * Runs the generated suites for already validated partners through vitest, then writes the reports:
 * Allure results and HTML, JUnit XML, readiness JSON and Markdown per partner, and for the whole run a short
 * summary (what CI shows) and one self-contained HTML page (what a reviewer signs).
 */
export async function runSuites(partners: Partner[], config: RunConfig, reportsDir: string, log: (s: string) => void, opts: { html: boolean; reporter?: ReporterChoice } = { html: true }): Promise<RunResult> {
  const staged = await stageReports(reportsDir, (line) => process.stderr.write(`${line}\n`));
  try {
    const result = await runStaged(partners, config, staged.dir, log, opts);
    await staged.commit();
    return { ...result, ...(result.allureReport && { allureReport: path.join(reportsDir, path.relative(staged.dir, result.allureReport)) }) };
  } finally {
    await staged.dispose();
  }
}

async function runStaged(partners: Partner[], config: RunConfig, reportsDir: string, log: (s: string) => void, opts: { html: boolean; reporter?: ReporterChoice }): Promise<RunResult> {
  const results = path.join(reportsDir, 'allure-results');
  await mkdir(path.join(reportsDir, 'readiness'), { recursive: true });
  await writeAllureMetadata(results, partners, config);
  const collector = new OutcomeCollector();
  process.env[RUN_CONFIG_VAR] = encodeRunConfig(config);
  // Compiled railgate names its build of the suites: the worker imports that natively (partners.suite.ts).
  const compiled = process.env[COMPILED_SUITES_VAR];
  const vitest = await startVitest(
    'test',
    [],
    {
      config: false,
      root: PACKAGE_ROOT,
      include: [SUITE_FILE],
      watch: false,
      testTimeout: CHECK_TIMEOUT_MS,
      // Independent checks against a sandbox run side by side, each partner's up to its concurrency (its gate).
      maxConcurrency: Math.max(1, ...partners.map((p) => checkConcurrency(p.profile, config))),
      hookTimeout: 60_000,
      pool: 'forks',
      // Transformed modules kept on disk between runs (node_modules/.experimental-vitest-cache, keyed by content):
      // a second run skips most of the TypeScript transform — seconds of the engineer's loop.
      experimental: { fsModuleCache: true },
      ...(compiled && { server: { deps: { external: [underDir(path.dirname(path.resolve(compiled)))] } } }),
      ...(config.bail ? { bail: 1 } : {}),
      reporters: [
        new ConsoleReporter(consoleMode(process.env, process.stdout.isTTY, opts.reporter)),
        new AllureResultsReporter(path.resolve(results)),
        collector,
      ],
    },
    {},
  );
  await vitest.close();
  const partial = isPartialRun(config);
  const readiness = partners.map((p) => judgePartner(p, { env: config.env, seed: config.seed, partial }, collector.outcomes));
  const allureReport = await writeReports(reportsDir, readiness, { html: opts.html, log });
  return { readiness, harnessErrors: collector.errors, allureReport };
}

/** Every module below `dir`, as vitest matches the ids it would otherwise transform. */
function underDir(dir: string): RegExp {
  return new RegExp(`^${(dir + path.sep).replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}`);
}
