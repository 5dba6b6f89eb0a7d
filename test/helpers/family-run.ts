import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { exitCodeOf } from '../../src/cli/verdicts.ts';
import { loadPartners } from '../../src/partner/index.ts';
import type { Family } from '../../src/profile/index.ts';
import { DEFAULT_SEED } from '../../src/random/rng.ts';
import type { Readiness } from '../../src/readiness/index.ts';
import { runCli } from './cli.ts';
import { runInProcess } from './in-process.ts';
import { REPO } from './workspace.ts';

export interface FamilyRun {
  code: number;
  ready: Readiness;
  stdout: string;
  stderr: string;
  wallMs: number;
}

/**
 * One family of one partner through the CLI, as CI runs it, optionally with a planted defect; the readiness
 * JSON is read back. On a surprise (exit code not the one the defect implies) the reasons are printed:
 * they are what one needs to read, not just the exit code.
 */
export async function runFamily(opts: { reports: string; name: string; partner: string; family: string; defect?: string; args?: string[]; cwd?: string }): Promise<FamilyRun> {
  const dir = path.join(opts.reports, opts.name);
  const t0 = performance.now();
  // The HTML report is the Allure CLI's work, proven once in cli-run.test.ts; family runs read the readiness JSON.
  const r = await runCli(['run', '--partner', opts.partner, '--family', opts.family, ...(opts.defect ? ['--defect', opts.defect] : []), '--no-html', ...(opts.args ?? []), '--reports', dir], opts.cwd ? { cwd: opts.cwd } : {});
  const wallMs = performance.now() - t0;
  expect(r.stderr).not.toMatch(/internal error/);
  const ready = JSON.parse(await readFile(path.join(dir, 'readiness', `${opts.partner}.json`), 'utf8')) as Readiness;
  if ((r.code === 0) !== (opts.defect === undefined)) console.error(notPassed(ready));
  return { code: r.code, ready, stdout: r.stdout, stderr: r.stderr, wallMs };
}

/**
 * The same family run in process (helpers/in-process.ts): the session, setup, checks and verdict of
 * `railgate run --family`, without its child process, vitest and report writers — what a defect matrix needs,
 * at a fraction of the cost; test/in-process-verdicts.test.ts proves the readiness is the CLI's. The partner
 * is loaded as the CLI loads it from `cwd` (the example workspace by default), with the CLI's default seed;
 * `code` is the exit code the CLI gives for the verdict; on a
 * surprise, as with runFamily, the checks that did not pass are printed.
 */
export async function runFamilyInProcess(opts: { partner: string; family: Family; defect?: string | string[]; cwd?: string }): Promise<Pick<FamilyRun, 'code' | 'ready' | 'wallMs'>> {
  const t0 = performance.now();
  const [partner] = await loadPartners(opts.cwd ?? REPO, opts.partner);
  if (!partner) throw new Error(`no partner ${opts.partner}`);
  const defects = opts.defect === undefined ? [] : [opts.defect].flat();
  const { readiness: ready } = await runInProcess(partner, { families: [opts.family], seed: DEFAULT_SEED, defects });
  const code = exitCodeOf([ready]);
  const said = notPassed(ready);
  if (said && (code === 0) !== (defects.length === 0)) console.error(said);
  return { code, ready, wallMs: performance.now() - t0 };
}

/** The reason a named check gave (failure or skip note), '' when it passed or did not run. */
export function reasonOf(ready: Readiness, check: string): string {
  return ready.checks.find((c) => c.name === check)?.reason ?? '';
}

/** Every check that did not pass, with its reason. */
export function notPassed(ready: Readiness): string {
  return ready.checks
    .filter((c) => c.status !== 'passed')
    .map((c) => `${c.name}: ${c.reason ?? ''}`)
    .join('\n');
}
