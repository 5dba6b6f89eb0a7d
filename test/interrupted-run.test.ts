import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { tempDir } from './helpers/workspace.ts';

// Issue 12, item 7: Ctrl-C stops a run cleanly with a message, and leaves the previous reports intact.

let ws: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  ws = await tempDir('railgate-interrupt-');
});
afterAll(() => ws.dispose());

/** The first result file of the run in progress: vitest is running checks, the reports are being staged. */
function checksRunning(reports: string): boolean {
  const staging = readdirSync(reports).find((e) => e.startsWith('.run-'));
  const results = staging && path.join(reports, staging, 'allure-results');
  return Boolean(results && existsSync(results) && readdirSync(results).some((f) => f.endsWith('-result.json')));
}

describe('Ctrl-C during a run', () => {
  it('exits 130 with a message, the previous reports as they were, nothing of the interrupted run left', async () => {
    const reports = path.join(ws.dir, 'reports');
    const previous: Record<string, string> = { 'junit.xml': '<testsuites name="previous"/>\n', 'readiness/pixpay.json': '{"previous":true}\n', 'README.md': 'kept\n' };
    await mkdir(path.join(reports, 'readiness'), { recursive: true });
    for (const [f, text] of Object.entries(previous)) await writeFile(path.join(reports, f), text);
    let poll: NodeJS.Timeout | undefined;
    const r = await runCli(['run', '--partner', 'pixpay', '--no-html', '--reports', reports], {
      started(child) {
        poll = setInterval(() => {
          if (existsSync(reports) && checksRunning(reports)) {
            clearInterval(poll);
            child.kill('SIGINT');
          }
        }, 10);
      },
    });
    clearInterval(poll);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain(`railgate: interrupted (SIGINT): this run's reports were not written; ${reports} is as the previous run left it`);
    for (const [f, text] of Object.entries(previous)) expect(await readFile(path.join(reports, f), 'utf8')).toBe(text);
    expect((await readdir(reports)).sort()).toEqual(['README.md', 'junit.xml', 'readiness']);
    expect(await readdir(path.join(reports, 'readiness'))).toEqual(['pixpay.json']);
  });
});
