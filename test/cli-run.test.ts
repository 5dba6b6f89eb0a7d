import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Readiness } from '../src/readiness/index.ts';
import { runCli } from './helpers/cli.ts';
import type { CliResult } from './helpers/cli.ts';
import { readinessSchemaProblems } from './helpers/readiness-schema.ts';
import { REPO, copyWorkspace, tempDir } from './helpers/workspace.ts';

// The walking skeleton as a user runs it: the CLI as a child process against the embedded simulator. Every
// case has its own reports folder or workspace, so the cases run side by side (each mostly a child process).
let reports: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  reports = await tempDir('railgate-reports-');
});
afterAll(() => reports.dispose());

/**
 * One scenario with seed 7, twice, each into its own reports folder: the first run's output is judged as the
 * engineer's loop, and both runs' requests are compared. Started once, by whichever test asks first.
 */
let seeded: Promise<[CliResult, CliResult]> | undefined;
const seededRuns = (): Promise<[CliResult, CliResult]> =>
  (seeded ??= Promise.all([1, 2].map((n) => runCli(['run', '--partner', 'pixpay', '--scenario', 'payout-happy', '--seed', '7', '--reports', path.join(reports.dir, `seed-7-${n}`)])) as [Promise<CliResult>, Promise<CliResult>]));

async function readiness(dir: string, partner: string): Promise<Readiness> {
  return JSON.parse(await readFile(path.join(dir, 'readiness', `${partner}.json`), 'utf8')) as Readiness;
}

describe.concurrent('railgate run', () => {
  it('is GO against the clean simulator and writes every report', async ({ expect }) => {
    const dir = path.join(reports.dir, 'clean');
    const r = await runCli(['run', '--partner', 'pixpay', '--family', 'contract', '--reports', dir]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/seed 20261121/);
    const ready = await readiness(dir, 'pixpay');
    expect(ready).toMatchObject({ partner: 'pixpay', verdict: 'GO', families: { contract: { status: 'passed', failed: [] } } });
    expect(await readFile(path.join(dir, 'readiness', 'pixpay.md'), 'utf8')).toMatch(/pixpay\) — GO/);
    expect(await readFile(path.join(dir, 'junit.xml'), 'utf8')).toMatch(/<testsuites[^>]*tests="\d+"/);
    expect(existsSync(path.join(dir, 'allure-report', 'index.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'allure-results', 'environment.properties'))).toBe(true);
  });

  it('is NO-GO with the contract family failed when the simulator drifts from the schema', async ({ expect }) => {
    const dir = path.join(reports.dir, 'drift');
    const stepSummary = path.join(reports.dir, 'step-summary.md');
    const r = await runCli(['run', '--partner', 'pixpay', '--family', 'contract', '--defect', 'schema-drift', '--no-html', '--reports', dir], { env: { CI: 'true', GITHUB_STEP_SUMMARY: stepSummary } });
    expect(r.code).toBe(1);
    // The CI log: plain lines, a line per family, then each failure in full; no vitest test tree, no colour.
    expect(r.stdout).toMatch(/^pixpay +contract +6 passed · 6 failed {2}\(\d+\.\d s\)$/m);
    expect(r.stdout).toMatch(/^FAILED {2}pixpay › contract › createPayout answers conform to the contract\n {8}\[contract-drift\].*\n.*createPayout 201: body \/amount must be integer$/m);
    expect(r.stdout).not.toContain(String.fromCharCode(27));
    expect(r.stdout).not.toMatch(/✓|×|Test Files/);
    expect(await readFile(stepSummary, 'utf8')).toBe(await readFile(path.join(dir, 'readiness', 'summary.md'), 'utf8'));
    const ready = await readiness(dir, 'pixpay');
    expect(ready.verdict).toBe('NO-GO');
    // The file a pipeline reads conforms to the schema railgate ships; against the simulator latency is shown, not judged.
    expect(readinessSchemaProblems(ready)).toEqual([]);
    expect(ready.latency).toMatchObject({ clock: 'virtual', judged: false, rows: expect.arrayContaining([expect.objectContaining({ operation: 'createPayout', sla: { p95: 1500, p99: 2000 }, breaches: [] })]) });
    expect(ready.families.contract?.status).toBe('failed');
    expect(ready.families.contract?.failed).toContain('createPayout answers conform to the contract');
    const reason = ready.checks.find((c) => c.name === 'createPayout answers conform to the contract')?.reason;
    expect(reason).toMatch(/\[contract-drift\].*createPayout 201: body \/amount must be integer/s);
    // CI reads JUnit: checks grouped as <partner>.<family>, the failure in the check's own words.
    const junit = await readFile(path.join(dir, 'junit.xml'), 'utf8');
    expect(junit).toContain('<testcase classname="pixpay.contract" name="createPayout answers conform to the contract"');
    expect(junit).toMatch(/<failure message="\[contract-drift\][^"]*createPayout 201: body \/amount must be integer[^"]*" type="contract-drift">/);
    expect(junit).toMatch(/<testcase classname="pixpay\.readiness" name="readiness verdict: NO-GO"/);
    expect(junit).not.toMatch(/Serialized Error|partners\.suite\.ts/);
  });

  it('runs one scenario and prints each exchange with credentials redacted', async ({ expect }) => {
    const dir = path.join(reports.dir, 'seed-7-1');
    const [r] = await seededRuns();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/v2\/payouts/);
    expect(r.stdout).toMatch(/< 201/);
    // PIX keys and tax ids are account data: only their last four characters are shown.
    expect(r.stdout).not.toMatch(/maria\.silva@example\.com\.br/);
    expect(r.stdout).toMatch(/\*+m\.br/);
    const ready = await readiness(dir, 'pixpay');
    expect(ready.partial).toBe(true);
    expect(ready.checks.map((c) => c.name)).toEqual(['payout-happy']);
    // The rules it was judged by: the profile file and the sha256 of its bytes.
    const profileHash = createHash('sha256').update(await readFile(path.join(REPO, 'partners', 'pixpay.yaml'))).digest('hex');
    expect(ready.profile).toEqual({ file: 'partners/pixpay.yaml', hash: `sha256:${profileHash}` });
    // The engineer's loop: no HTML report unless asked; every other report is written.
    expect(existsSync(path.join(dir, 'allure-report'))).toBe(false);
    expect(existsSync(path.join(dir, 'allure-results', 'environment.properties'))).toBe(true);
    expect(existsSync(path.join(dir, 'junit.xml'))).toBe(true);
    expect(r.stdout).toMatch(/HTML report not generated/);
    // Its Allure page opens with what the scenario proves and the file it comes from.
    const results = (await readdir(path.join(dir, 'allure-results'))).filter((f) => f.endsWith('-result.json'));
    const shown = await Promise.all(results.map(async (f) => JSON.parse(await readFile(path.join(dir, 'allure-results', f), 'utf8')) as { name: string; description?: string }));
    expect(shown.find((t) => t.name === 'payout-happy')?.description).toBe('A PIX payout to a registered e-mail key is accepted and can be read back\n\nFrom `suites/pixpay/payout-happy.yaml:1`');
  });

  it('gives the same requests for the same seed', async ({ expect }) => {
    const [a, b] = await seededRuns();
    // Time, nonce and so the signature differ per request by design (a nonce is never seeded, issue 3).
    const perRequest = /^\s+> (x-timestamp|x-nonce|x-signature): /;
    const requests = (out: string): string[] => out.split('\n').filter((l) => (/^\s+> /.test(l) && !perRequest.test(l)) || /^#\d+ /.test(l)).map((l) => l.replace(/127\.0\.0\.1:\d+/, 'HOST'));
    expect(requests(a.stdout).length).toBeGreaterThan(0);
    expect(requests(a.stdout)).toEqual(requests(b.stdout));
  });
});

describe.concurrent('bad input', () => {
  it('reports a broken profile with its place, exit 2, and writes nothing', async ({ expect }) => {
    const ws = await copyWorkspace();
    try {
      await ws.edit('partners/pixpay.yaml', /  header: Idempotency-Key/, '  header: [Idempotency-Key]');
      const dir = path.join(ws.dir, 'reports');
      const r = await runCli(['run', '--reports', dir], { cwd: ws.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('partners/pixpay.yaml:');
      expect(r.stderr).toMatch(/partners\/pixpay\.yaml:\d+:11  idempotency\.header: must be a string/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(dir)).toBe(false);
      const lint = await runCli(['lint'], { cwd: ws.dir });
      expect(lint.code).toBe(2);
      expect(lint.stderr).toMatch(/partners\/pixpay\.yaml:\d+:11  idempotency\.header: must be a string/);
    } finally {
      await ws.dispose();
    }
  });

  it('reports a scenario calling an operation the contract lacks', async ({ expect }) => {
    const ws = await copyWorkspace();
    try {
      await ws.edit('suites/pixpay/payout-happy.yaml', 'call: getPayout', 'call: getPayot');
      const r = await runCli(['lint'], { cwd: ws.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/suites\/pixpay\/payout-happy\.yaml:\d+:11  steps\[1\]\.call: operation 'getPayot' is not in the contract \(did you mean 'getPayout'\?\)/);
    } finally {
      await ws.dispose();
    }
  });

  it('lint passes on the example workspace', async ({ expect }) => {
    const r = await runCli(['lint']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ok  pixpay/);
    expect(r.stdout).toMatch(/ok  lionbank/);
    expect(r.stdout).toMatch(/ok  eurocard: .* \(14 operations\), 7 scenarios/);
  });

  it.for([
    [['run', '--defect', 'no-such-defect'], /unknown defect 'no-such-defect' \(defects: .*schema-drift/],
    [['run', '--env', 'staging'], /--env must be one of simulator, sandbox, production/],
    [['run', '--partner', 'nobody'], /no partner 'nobody'/],
    [['run', '--scenario', 'nothing-like-this'], /nothing matches the selection/],
    [['run', '--bogus'], /^railgate: unknown option '--bogus'\n/],
    [['run', '--partnr', 'pixpay'], /^railgate: unknown option '--partnr' \(did you mean '--partner'\?\)\n/],
    [['run', '--shard', '3/2'], /--shard must be i\/n with 1 ≤ i ≤ n/],
    [['run', '--rail', 'XX-NONE'], /no partner serves rail 'XX-NONE' \(rails: BR-PIX, EU-CARDS, SG-PAYNOW\)/],
    [['run', '--grep', '('], /--grep must be a regular expression/],
    [['run', '--reporter', 'fancy'], /--reporter must be one of auto, live, plain \(got 'fancy'\)/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ] as Array<[string[], RegExp]>)('%j is a usage error: exit 2, a clear message', async ([args, message], { expect }) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // parseArgs' advice about positional arguments starting with '-' misleads for a mistyped option.
    expect(r.stderr).not.toMatch(/positional argument/);
  });

  it('refuses destructive checks against an environment marked production', async ({ expect }) => {
    const r = await runCli(['run', '--partner', 'pixpay', '--env', 'production', '--reports', path.join(reports.dir, 'prod')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/environment 'production' is marked production: refusing \d+ destructive checks .*--allow-production runs them after you type the partner id again/);
  });

  it("treats a sandbox on production's host as production; --allow-production without a terminal is refused too", async ({ expect }) => {
    const ws = await copyWorkspace();
    try {
      await ws.edit('partners/pixpay.yaml', 'https://sandbox.pixpay.example/v2', 'https://api.pixpay.example/v2-test');
      const env = { PIXPAY_API_KEY: 'pk_canary_1', PIXPAY_HMAC_SECRET: 'sk_canary_1', PIXPAY_WEBHOOK_SECRET: 'whsec_canary_1' };
      const reportsDir = path.join(ws.dir, 'reports');
      const r = await runCli(['run', '--partner', 'pixpay', '--env', 'sandbox', '--family', 'transactions', '--reports', reportsDir], { cwd: ws.dir, env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^partners\/pixpay\.yaml:\d+:\d+  environments\.sandbox: environment 'sandbox' sends to api\.pixpay\.example, the host of production environment 'production': refusing \d+ destructive checks/m);
      const allowed = await runCli(['run', '--partner', 'pixpay', '--env', 'sandbox', '--family', 'transactions', '--allow-production', '--reports', reportsDir], { cwd: ws.dir, env });
      expect(allowed.code).toBe(2);
      expect(allowed.stderr).toMatch(/--allow-production asks for each partner's id to be typed again at a terminal, and there is none: refusing \(pixpay\)/);
      expect(existsSync(reportsDir)).toBe(false);
    } finally {
      await ws.dispose();
    }
  });
});

describe.concurrent('help', () => {
  it.for(['run', 'lint', 'simulate'])('%s --help explains the command', async (cmd, { expect }) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Usage: railgate ${cmd}`));
  });
});
