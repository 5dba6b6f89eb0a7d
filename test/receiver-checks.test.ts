import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_ORDER } from '../src/checks/plan.ts';
import { exitCodeOf } from '../src/cli/verdicts.ts';
import { loadPartners } from '../src/partner/index.ts';
import { DEFAULT_SEED } from '../src/random/rng.ts';
import type { Readiness } from '../src/readiness/index.ts';
import { runCli } from './helpers/cli.ts';
import { runInProcess } from './helpers/in-process.ts';
import { REPO, tempDir } from './helpers/workspace.ts';

// Issue 17: a webhooks-only contract is a receiver's contract. railgate's receiver, over loopback HTTP, must accept
// every valid sample of each event with the documented answer and refuse forged, stale and schema-breaking
// deliveries. Three partners of one carrier's contract: an API key in its `security`, no security at all, and a
// profile that says the carrier signs with a timestamp. Each check is proven able to fail: the test-only
// defects make railgate's receiver wrong on purpose. The clean run goes through the CLI (its Allure results are
// searched for the key); the defects run in process, judged as the CLI judges them (test/in-process-verdicts.test.ts).

const CONTRACT = path.join(REPO, 'test/fixtures/contracts/parcel-hooks.yaml');
const SIGNED_PROFILE = `webhooks:\n  scheme: timestamped\n  header: Parcel-Signature\n  secretEnv: PARCEL_WEBHOOK_SECRET\n  tolerance: 5m\nenvironments:\n  simulator:\n    testCredentials:\n      PARCEL_WEBHOOK_SECRET: whsec_parcel_test_0123456789\n`;

let ws: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  ws = await tempDir('railgate-receiver-');
  await mkdir(path.join(ws.dir, 'partners'));
  await mkdir(path.join(ws.dir, 'contracts'));
  await cp(CONTRACT, path.join(ws.dir, 'contracts/parcel-hooks.yaml'));
  const open = (await readFile(CONTRACT, 'utf8')).replace(/ {6}security:\n {8}- HookKey: \[\]\n/g, '');
  await writeFile(path.join(ws.dir, 'contracts/parcel-open.yaml'), open);
  const profile = (id: string, contract: string, extra = 'environments: {}\n'): Promise<void> => writeFile(path.join(ws.dir, 'partners', `${id}.yaml`), `id: ${id}\nname: ${id}\ncontract: ../contracts/${contract}\nrails: [XX-TEST]\n${extra}`);
  await profile('parcel-key', 'parcel-hooks.yaml');
  await profile('parcel-open', 'parcel-open.yaml');
  await profile('parcel-signed', 'parcel-hooks.yaml', SIGNED_PROFILE);
});
afterAll(() => ws.dispose());

async function run(name: string, defects: string[] = []): Promise<{ code: number; stdout: string; ready: Record<string, Readiness>; reports: string }> {
  const reports = path.join(ws.dir, name);
  const r = await runCli(['run', '--no-html', ...defects.flatMap((d) => ['--defect', d]), '--reports', reports], { cwd: ws.dir });
  expect(r.stderr).not.toMatch(/internal error/);
  const ready: Record<string, Readiness> = {};
  for (const id of PARTNERS) ready[id] = JSON.parse(await readFile(path.join(reports, 'readiness', `${id}.json`), 'utf8')) as Readiness;
  return { code: r.code, stdout: r.stdout, ready, reports };
}

const PARTNERS = ['parcel-key', 'parcel-open', 'parcel-signed'];

/** Every partner of the workspace, every family, in process: what `railgate run --defect …` judges, and its exit code. */
async function runInProcessAll(defects: string[]): Promise<{ code: number; ready: Record<string, Readiness> }> {
  const ready: Record<string, Readiness> = {};
  for (const partner of await loadPartners(ws.dir)) ready[partner.id] = (await runInProcess(partner, { families: [...FAMILY_ORDER], seed: DEFAULT_SEED, defects })).readiness;
  expect(Object.keys(ready).sort()).toEqual(PARTNERS);
  return { code: exitCodeOf(Object.values(ready)), ready };
}

const shipped = (title: string): string => `webhook parcel.shipped: railgate's receiver ${title}`;
const outcome = (r: Readiness, name: string): [string, string | undefined] | undefined => {
  const c = r.checks.find((x) => x.name === name);
  return c && [c.status, c.reason];
};

describe("railgate's receiver for a webhooks-only contract", () => {
  it('accepts valid samples, refuses forged, stale and broken ones: GO, every event delivered; no security is a finding about the contract', async () => {
    const { ready, reports } = await run('clean');
    const key = ready['parcel-key']!;
    expect(key.verdict, key.reasons.join('\n')).toBe('GO');
    expect(key.operations?.rows.map((r) => [r.operation, r.received, r.checks.map((c) => c.status)])).toEqual([
      ['parcel.shipped', true, ['passed', 'passed', 'passed']],
      ['parcel.lost', true, ['passed', 'passed', 'passed']],
    ]);
    expect(outcome(key, shipped('refuses stale deliveries'))).toEqual(['skipped', 'does not apply: nothing dates a delivery sent with an API key (X-Hook-Key): a replayed delivery of parcel.shipped cannot be told stale by its age']);

    const signed = ready['parcel-signed']!;
    expect(signed.verdict, signed.reasons.join('\n')).toBe('GO');
    expect(outcome(signed, shipped('refuses stale deliveries'))).toEqual(['passed', undefined]);

    const open = ready['parcel-open']!;
    expect(open.verdict).toBe('NO-GO');
    expect(outcome(open, shipped('refuses forged deliveries'))).toEqual([
      'failed',
      "[contract-drift] railgate's receiver cannot authenticate deliveries of parcel.shipped: the contract gives webhook parcel.shipped no `security` and the profile has no `webhooks` section: nothing lets a receiver tell the partner's deliveries from a forger's. It answered 200 to a delivery anyone could have sent",
    ]);
    expect(outcome(open, shipped('refuses stale deliveries'))?.[0]).toBe('skipped');
    expect(outcome(open, shipped('accepts every valid sample with the documented answer'))?.[0]).toBe('passed');

    // The test credentials are drawn from the seed and never shown: every header that carries one is masked.
    const results = path.join(reports, 'allure-results');
    const attachments = await Promise.all((await readdir(results)).map((f) => readFile(path.join(results, f), 'utf8')));
    const keyShown = attachments.filter((a) => a.includes('"x-hook-key"'));
    expect(keyShown.length).toBeGreaterThan(0);
    for (const a of keyShown) expect(a).toMatch(/"x-hook-key": "\[redacted\]"/);
  }, 120_000);

  it("fails each check when railgate's receiver is made wrong: forged and stale accepted, broken payloads accepted, an undocumented answer", async () => {
    const { code, ready } = await runInProcessAll(['receiver-skips-authentication', 'receiver-skips-validation', 'receiver-undocumented-answer']);
    // railgate's own receiver was wrong, not the partner: INCONCLUSIVE (exit 2), never GO.
    expect(code).toBe(2);
    const key = ready['parcel-key']!;
    expect(key.verdict).toBe('INCONCLUSIVE');
    expect(outcome(key, shipped('refuses forged deliveries'))).toEqual([
      'broken',
      "[configuration] railgate's receiver did not refuse 2 of 2 forged deliveries of parcel.shipped: with wrong credentials: answered 202 (and 1 more)",
    ]);
    expect(outcome(key, shipped('refuses payloads that break the schema'))).toEqual([
      'broken',
      "[configuration] railgate's receiver accepted 2 of 2 payloads of parcel.shipped that break its schema: required field /id removed: answered 202 (and 1 more)",
    ]);
    expect(outcome(key, shipped('accepts every valid sample with the documented answer'))).toEqual([
      'broken',
      "[configuration] railgate's receiver did not accept 2 of 2 valid samples of parcel.shipped as the contract documents: example 'shipped': parcel.shipped answered 202, which the contract does not document (documented: 200) (and 1 more)",
    ]);
    expect(outcome(ready['parcel-signed']!, shipped('refuses stale deliveries'))).toEqual([
      'broken',
      "[configuration] railgate's receiver did not refuse a delivery of parcel.shipped signed 360 s ago, past the 300 s tolerance: answered 202",
    ]);
    // Still delivered and judged: the coverage names the checks that exercised each event.
    expect(key.operations?.rows.every((r) => r.checks.length === 3)).toBe(true);
  }, 120_000);
});
