import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { copyAllureResults, readVerdicts, unionOfVerdicts } from '../run/merge-shards.ts';
import { carryHistory } from '../run/staged-reports.ts';
import { writeReports } from '../run/write-reports.ts';
import { UsageError, parseWithPositionals } from './args.ts';
import type { Output } from './output.ts';
import { reportsOption } from './reports-option.ts';
import { exitCodeOf, printVerdicts } from './verdicts.ts';

/**
 * `railgate report`: every report rebuilt from a reports folder's verdicts and Allure results, without running
 * anything; with `--merge DIR…`, from the shards of one run (`run --shard i/n`) into one folder whose verdicts
 * are the unsharded run's. The merged folder is built aside and moved in whole: nothing is written half-way.
 */
export async function cmdReport(args: string[], out: Output): Promise<number> {
  const { values: v, positionals } = parseWithPositionals(args, { reports: { type: 'string' }, merge: { type: 'boolean' }, html: { type: 'boolean' } });
  if (v.help) return out.help('report');
  const reportsDir = reportsOption(v.reports);
  const html = v.html !== false;
  const log = (s: string): void => out.info(s);
  if (!v.merge) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (to merge shards: railgate report --merge DIR…)`);
    const verdicts = await readVerdicts(reportsDir);
    if (verdicts.length === 0) throw new UsageError(`no verdicts in ${reportsDir}/readiness: run 'railgate run' first`);
    const allure = await writeReports(reportsDir, verdicts, { html, log });
    await printVerdicts(out, verdicts, reportsDir, allure);
    return exitCodeOf(verdicts);
  }
  if (positionals.length === 0) throw new UsageError('--merge needs the shards\' reports folders: railgate report --merge DIR…');
  for (const dir of positionals) if (!existsSync(dir)) throw new UsageError(`no reports folder '${dir}'`);
  if (positionals.some((d) => path.resolve(d) === path.resolve(reportsDir))) throw new UsageError(`--reports ${reportsDir} is one of the shards: merge into another folder`);
  let verdicts;
  try {
    verdicts = unionOfVerdicts(await Promise.all(positionals.map(async (dir) => ({ dir, verdicts: await readVerdicts(dir) }))));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (verdicts.length === 0) throw new UsageError(`no verdicts in ${positionals.join(', ')}`);
  await mkdir(path.dirname(path.resolve(reportsDir)), { recursive: true });
  const building = await mkdtemp(path.join(path.dirname(path.resolve(reportsDir)), '.railgate-merge-'));
  try {
    await copyAllureResults(positionals, path.join(building, 'allure-results'));
    await carryHistory(reportsDir, building);
    await writeReports(building, verdicts, { html, log });
    await rm(reportsDir, { recursive: true, force: true });
    await rename(building, reportsDir);
  } catch (e) {
    await rm(building, { recursive: true, force: true });
    throw e;
  }
  out.info(`railgate report · merged ${positionals.length} shard${positionals.length > 1 ? 's' : ''} into ${reportsDir}`);
  await printVerdicts(out, verdicts, reportsDir, html ? path.join(reportsDir, 'allure-report', 'index.html') : undefined);
  return exitCodeOf(verdicts);
}
