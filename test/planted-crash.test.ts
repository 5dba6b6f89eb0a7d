import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { runFamily } from './helpers/family-run.ts';
import { tempDir } from './helpers/workspace.ts';

// Issue 17: "A planted crash inside a check (a test-only defect) gives exit 2 and no GO." The crash is
// railgate's, not the partner's: the check is broken, the verdict INCONCLUSIVE, and nothing reads as a defect.
let reports: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  reports = await tempDir('railgate-crash-');
});
afterAll(() => reports.dispose());

const CRASHED = 'the contract is a valid OpenAPI document with no dangling references';
const REASON = 'Error: planted crash inside railgate (test-only defect crash-in-check)';

describe('a crash inside a check', () => {
  it('is exit 2, INCONCLUSIVE, the check broken with its reason, and no partner defect anywhere', async () => {
    const r = await runFamily({ reports: reports.dir, name: 'crash', partner: 'pixpay', family: 'contract', defect: 'crash-in-check' });
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.ready.verdict).toBe('INCONCLUSIVE');
    expect(r.ready.checks.filter((c) => c.status !== 'passed').map((c) => [c.name, c.status, c.reason])).toEqual([[CRASHED, 'broken', REASON]]);
    expect(r.ready.families.contract).toMatchObject({ status: 'broken', failed: [], broken: [CRASHED] });
    expect(r.ready.families.contract?.passed).toBeGreaterThan(0);
    expect(r.ready.reasons).toEqual([`inconclusive: 1 check broken inside railgate, not judged (contract › ${CRASHED}: ${REASON})`]);
    expect(r.stdout).toMatch(/^INCONCLUSIVE {2}pixpay \(partial run\)$/m);

    const dir = path.join(reports.dir, 'crash');
    const md = await readFile(path.join(dir, 'readiness', 'pixpay.md'), 'utf8');
    expect(md).toMatch(/— INCONCLUSIVE/);
    expect(md).toContain(`| ${CRASHED} | contract | **broken** (railgate) | ${REASON} |`);
    for (const text of [JSON.stringify(r.ready), md, r.stdout]) expect(text).not.toMatch(/partner[- ]defect|NO-GO|\bGO\b/i);

    // Allure: broken, not failed (the category it lands in is allurerc.test.ts's to prove).
    const results = path.join(dir, 'allure-results');
    const files = (await readdir(results)).filter((f) => f.endsWith('-result.json'));
    const shown = await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(results, f), 'utf8')) as { name: string; status: string }));
    // The partner's own readiness entry at the top of its tree is broken too, as its verdict is INCONCLUSIVE.
    expect(shown.filter((t) => t.status !== 'passed').map((t) => [t.name, t.status])).toEqual(expect.arrayContaining([[CRASHED, 'broken']]));
    expect(shown.filter((t) => t.status !== 'passed' && t.name !== CRASHED).map((t) => [t.name, t.status])).toEqual([['pixpay readiness: INCONCLUSIVE', 'broken']]);
  }, 120_000);

  it('is a test-only defect, marked as such in simulate --help', async () => {
    const r = await runCli(['simulate', '--help']);
    expect(r.stdout).toMatch(/^ {2}crash-in-check +\(contract\) TEST ONLY, not a partner defect/m);
  });
});
