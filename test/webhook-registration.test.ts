import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { notPassed, reasonOf, runFamily, runFamilyInProcess } from './helpers/family-run.ts';
import { copyWorkspace, tempDir } from './helpers/workspace.ts';

// EuroCard delivers webhooks only to URLs registered with createWebhookEndpoint (`webhooks.registration`);
// its profile's `setup` registers railgate's receiver. Without that step the partner delivers nothing:
// lint says so, and the webhook checks fail with that reason. Setup steps are scenario steps, validated
// and located in the profile like a scenario's. The registered run goes through the CLI (its Allure results are
// read); the unregistered one in process, judged as the CLI judges it (test/in-process-verdicts.test.ts).

const SETUP = /\n# Run once before EuroCard's checks[^\n]*\nsetup:\n(?: {2}.*\n)+/;
const WEBHOOK_CHECKS = ['capture webhooks: every state change is announced by a valid event, with the money as created', 'refund redelivery: a webhook refused with 503 comes again with the same event id, and is counted once'];

let reports: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  reports = await tempDir('railgate-registration-');
});
afterAll(() => reports.dispose());

describe('a partner that delivers only to registered URLs', () => {
  let ws: Awaited<ReturnType<typeof copyWorkspace>>;
  beforeAll(async () => {
    ws = await copyWorkspace();
    await ws.edit('partners/eurocard.yaml', SETUP, '\n');
  });
  afterAll(() => ws.dispose());

  it('with its setup step: the transactions family passes, its webhooks reach railgate', async () => {
    const r = await runFamily({ reports: reports.dir, name: 'registered', partner: 'eurocard', family: 'transactions' });
    expect(r.code, notPassed(r.ready)).toBe(0);
    for (const check of WEBHOOK_CHECKS) expect(r.ready.checks.find((c) => c.name === check)?.status).toBe('passed');
    // The Allure results show the registration once, in a test of its own, not inside every check.
    const dir = path.join(reports.dir, 'registered', 'allure-results');
    const results = await Promise.all((await readdir(dir)).filter((f) => f.endsWith('-result.json')).map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as { name: string; status: string; steps: Array<{ name: string }> }));
    const registering = results.filter((t) => JSON.stringify(t.steps).includes('(createWebhookEndpoint)'));
    expect(registering.map((t) => [t.name, t.status, t.steps.map((s) => s.name.replace(/key \S+$/, 'key K'))])).toEqual([['setup of eurocard', 'passed', ['step 1 (createWebhookEndpoint) · key K', 'step 1 (createWebhookEndpoint): expect status 201, body']]]);
  }, 120_000);

  it('without it: lint reports, located, that the partner will deliver nothing (exit 2)', async () => {
    const r = await runCli(['lint', '--partner', 'eurocard'], { cwd: ws.dir });
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toMatch(
      /partners\/eurocard\.yaml:\d+:\d+ {2}webhooks\.registration\.operation: no setup step calls createWebhookEndpoint: eurocard delivers webhooks only to registered URLs, so it will deliver nothing to railgate's receiver/,
    );
  });

  // A profile mistake found at run time is railgate's configuration, not the partner's doing: the webhook checks
  // are broken (INCONCLUSIVE, exit 2), not failed.
  it("without it: the transactions family's webhook checks are broken, saying the receiver was never registered", async () => {
    const r = await runFamilyInProcess({ partner: 'eurocard', family: 'transactions', cwd: ws.dir });
    expect(r.code, notPassed(r.ready)).toBe(2);
    expect(r.ready.verdict).toBe('INCONCLUSIVE');
    expect(r.ready.families.transactions).toMatchObject({ status: 'broken', failed: [] });
    for (const check of WEBHOOK_CHECKS) {
      expect(r.ready.families.transactions?.broken).toContain(check);
      expect(reasonOf(r.ready, check)).toMatch(/\[configuration\] eurocard delivers webhooks only to URLs registered with createWebhookEndpoint \(webhooks\.registration\), and no call registered railgate's receiver http:\/\/127\.0\.0\.1:\d+\/webhooks\/eurocard/);
    }
  }, 120_000);
});

// Concurrent: each case is its own workspace and a child process that stops before anything runs.
describe('setup steps are validated as scenario steps, located in the profile', () => {
  it.concurrent.for([
    ['a misspelt operation', 'call: createWebhookEndpoint', 'call: createWebhookEndpont', /setup\[0\]\.call: operation 'createWebhookEndpont' is not in the contract \(did you mean 'createWebhookEndpoint'\?\)/],
    ['an unknown step key', '    expect:\n      status: 201', '    expct:\n      status: 201', /setup\[0\]\.expct: unknown key \(did you mean 'expect'\?\)/],
    ['a wrong type in an expectation', 'status: 201', "status: 'created'", /setup\[0\]\.expect\.status: must be a status code, or a list of allowed status codes/],
    ['a registration operation the contract lacks', 'registration: { operation: createWebhookEndpoint', 'registration: { operation: registerWebhook', /webhooks\.registration\.operation: operation 'registerWebhook' is not in the contract/],
    ['a URL pointer the request body lacks', 'url: /url }', 'url: /endpoint/url }', /webhooks\.registration\.url: createWebhookEndpoint's request body schema has no \/endpoint\/url/],
  ] as const)('%s: exit 2, nothing run or written', async ([, from, to, message], { expect }) => {
    const ws = await copyWorkspace();
    try {
      await ws.edit('partners/eurocard.yaml', from, to);
      const out = path.join(ws.dir, 'reports');
      const r = await runCli(['run', '--partner', 'eurocard', '--no-html', '--reports', out], { cwd: ws.dir });
      expect(r.code, r.stdout + r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`partners/eurocard\\.yaml:\\d+:\\d+ {2}${message.source}`));
      expect(r.stderr).toMatch(/nothing was run/);
      await expect(access(out)).rejects.toThrow();
    } finally {
      await ws.dispose();
    }
  });
});
