import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Readiness } from '../src/readiness/index.ts';
import { runCli } from './helpers/cli.ts';
import { tempDir } from './helpers/workspace.ts';

// Issue 14: a rail with many partners spreads across CI runners (--shard i/n), and `railgate report --merge`
// joins the shards into the verdicts and counts one run would have given.

let reports: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  reports = await tempDir('railgate-shard-');
});
afterAll(() => reports.dispose());

const dir = (name: string): string => path.join(reports.dir, name);
const run = (name: string, ...extra: string[]) => runCli(['run', '--family', 'contract', '--defect', 'schema-drift', '--no-html', ...extra, '--reports', dir(name)]);

async function verdicts(name: string): Promise<Record<string, { verdict: string; families: Readiness['families']; checks: string[] }>> {
  const out: Record<string, { verdict: string; families: Readiness['families']; checks: string[] }> = {};
  for (const partner of ['eurocard', 'lionbank', 'pixpay']) {
    const r = JSON.parse(await readFile(path.join(dir(name), 'readiness', `${partner}.json`), 'utf8')) as Readiness;
    out[partner] = { verdict: r.verdict, families: r.families, checks: r.checks.map((c) => `${c.name}: ${c.status}`) };
  }
  return out;
}

const junitTotals = async (name: string): Promise<string> => /<testsuites\b[^>]*\btests="(\d+)"[^>]*\bfailures="(\d+)"/.exec(await readFile(path.join(dir(name), 'junit.xml'), 'utf8'))?.slice(1).join('/') ?? '';

describe('railgate run --shard, then report --merge', () => {
  it('gives the verdicts, checks and JUnit totals of one run', async () => {
    const [whole, one, two] = await Promise.all([run('whole'), run('s1', '--shard', '1/2'), run('s2', '--shard', '2/2')]);
    expect(whole.code).toBe(1);
    // Partners are dealt in id order, each whole to one shard.
    expect(one.stdout).toMatch(/virtual time · eurocard, pixpay/);
    expect(two.stdout).toMatch(/virtual time · lionbank/);
    const merged = await runCli(['report', '--merge', dir('s1'), dir('s2'), '--no-html', '--reports', dir('merged')]);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(whole.code);
    expect(await verdicts('merged')).toEqual(await verdicts('whole'));
    expect(await junitTotals('merged')).toBe(await junitTotals('whole'));
    expect(await readFile(path.join(dir('merged'), 'readiness', 'summary.md'), 'utf8')).toMatch(/pixpay/);
  });

  it('refuses folders that are not shards of one run, and writes nothing', async () => {
    const r = await runCli(['report', '--merge', dir('s1'), dir('s1'), '--no-html', '--reports', dir('twice')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/partner 'eurocard' is judged in both .*s1 and .*s1: these are not shards of one run/);
    await expect(readFile(path.join(dir('twice'), 'junit.xml'))).rejects.toThrow();
  });
});
