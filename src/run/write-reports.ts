import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allureLinks, readinessHtml, readinessJunit, readinessMarkdown, readinessSummary } from '../readiness/index.ts';
import type { AllureResult, PageMeta, Readiness } from '../readiness/index.ts';
import { writeAllureVerdicts } from './allure-verdicts.ts';

/** Where railgate itself lives: its package.json gives the version the page shows. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Report name, and the tree grouped partner > family > check instead of by source file. */
const ALLURE_CONFIG = fileURLToPath(new URL('./allurerc.json', import.meta.url));

/**
 * Every report made from a run's verdicts and its Allure results, in `reportsDir`: per partner the readiness
 * JSON and Markdown, for the run junit.xml, summary.md and index.html, and (with `html`) the Allure HTML report. A run
 * writes them after its tests; `railgate report` writes them again from the files, or from merged shards.
 * Returns the Allure report's index when one was built.
 */
export async function writeReports(reportsDir: string, readiness: readonly Readiness[], opts: { html: boolean; log: (s: string) => void }): Promise<string | undefined> {
  const dir = path.join(reportsDir, 'readiness');
  await mkdir(dir, { recursive: true });
  for (const r of readiness) {
    await writeFile(path.join(dir, `${r.partner}.json`), JSON.stringify(r, null, 2) + '\n');
    await writeFile(path.join(dir, `${r.partner}.md`), readinessMarkdown(r));
  }
  await writeFile(path.join(reportsDir, 'junit.xml'), readinessJunit(readiness));
  const results = path.join(reportsDir, 'allure-results');
  await mkdir(results, { recursive: true });
  const checks = await readAllureResults(results);
  await writeAllureVerdicts(results, readiness, checks);
  // The HTML report takes seconds to build: an engineer chasing one scenario reads the console and asks for it.
  const allureReport = opts.html ? await generateAllureReport(reportsDir, opts.log) : undefined;
  await writeRunReadiness(readiness, dir, checks, allureReport);
  return allureReport;
}

/**
 * summary.md and index.html for the whole run. Checks link into the Allure report only when this run generated
 * it from these results: a report left by an earlier run addresses its tests by other ids.
 */
async function writeRunReadiness(readiness: readonly Readiness[], dir: string, results: readonly AllureResult[], allureReport: string | undefined): Promise<void> {
  const pkg = JSON.parse(await readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  const meta: PageMeta = { railgateVersion: pkg.version };
  if (allureReport) {
    const index = path.relative(dir, allureReport).split(path.sep).join('/');
    meta.allure = { index, links: allureLinks(results, index) };
  }
  await writeFile(path.join(dir, 'summary.md'), readinessSummary(readiness));
  await writeFile(path.join(dir, 'index.html'), readinessHtml(readiness, meta));
}

/** The checks' results: the verdicts' own (railgate-readiness-*) are written from these, never read back. */
async function readAllureResults(dir: string): Promise<AllureResult[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('-result.json') && !f.startsWith('railgate-readiness-'));
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as AllureResult));
}

/** allure's package.json is not exported; its folder is found from the main entry point. */
function allureCli(): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve('allure'));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { bin: string | Record<string, string> };
  return path.join(dir, typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin.allure ?? ''));
}

/**
 * The Allure 3 CLI (JavaScript), run as a child process: its output is its own, its failure is not a verdict.
 * It runs in the reports folder, where allurerc.json's `historyPath` keeps `history.jsonl`: each report adds
 * its run to the file and draws the trends of the runs before (a run carries the file over: staged-reports.ts).
 */
async function generateAllureReport(reportsDir: string, log: (s: string) => void): Promise<string | undefined> {
  const bin = allureCli();
  const results = path.resolve(reportsDir, 'allure-results');
  const output = path.resolve(reportsDir, 'allure-report');
  await rm(output, { recursive: true, force: true });
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [bin, 'generate', results, '--config', ALLURE_CONFIG, '--output', output], { cwd: path.resolve(reportsDir), stdio: ['ignore', 'pipe', 'pipe'] });
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
  if (code !== 0) return undefined;
  const index = path.join(output, 'index.html');
  await writeFile(index, withoutAnalytics(await readFile(index, 'utf8')));
  return index;
}

/**
 * The Allure 3 report page loads Google Analytics from a third-party host, and allure 3.18 has no setting to
 * turn it off (allure3 issue #476: `analyticsEnable: true` is hard-coded in @allurereport/plugin-awesome).
 * A payments team's report makes no outside request: every script fetched from an http(s) host, and the inline
 * gtag() set-up beside it, are cut from the generated page. A scan, not one regular expression over the page:
 * the single-file report inlines megabytes of script, and a backtracking pattern ran out of stack on it.
 */
export function withoutAnalytics(html: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = html.indexOf('<script', from);
    if (open === -1) break;
    const tagEnd = html.indexOf('>', open);
    const close = tagEnd === -1 ? -1 : html.indexOf('</script>', tagEnd);
    if (close === -1) break;
    const end = close + '</script>'.length;
    const tag = html.slice(open, tagEnd + 1);
    const outside = /\bsrc="https?:\/\//.test(tag) || html.slice(tagEnd + 1, close).includes('function gtag(');
    out += html.slice(from, open);
    if (!outside) out += html.slice(open, end);
    from = outside ? skipSpace(html, end) : end;
  }
  return out + html.slice(from);
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at] as string)) at++;
  return at;
}
