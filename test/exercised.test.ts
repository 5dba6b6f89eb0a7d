import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Readiness } from '../src/readiness/index.ts';
import { runCli } from './helpers/cli.ts';
import { REPO, tempDir } from './helpers/workspace.ts';

// Issue 17: GO only for what was exercised. Real provider contracts with the smallest profile the schema
// accepts: before, PayPal payments read GO with 0 of 7 operations called, a webhooks-only contract GO on static checks.
// Since requests are generated where the contract has no example (src/requests), all 7 are called; auth still is not.

const REAL = path.resolve(REPO, '../shared/contracts-real');
const present = existsSync(REAL);
if (!present) console.warn(`skipped: ${REAL} is not there (the real provider contracts sit beside the project)`);

let ws: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  ws = await tempDir('railgate-exercised-');
});
afterAll(() => ws.dispose());

async function minimalRun(id: string, contract: string): Promise<{ code: number; ready: Readiness; markdown: string }> {
  const dir = path.join(ws.dir, id);
  await mkdir(path.join(dir, 'partners'), { recursive: true });
  await mkdir(path.join(dir, 'contracts'), { recursive: true });
  await copyFile(path.join(REAL, contract), path.join(dir, 'contracts', path.basename(contract)));
  await writeFile(path.join(dir, 'partners', `${id}.yaml`), `id: ${id}\nname: ${id}\ncontract: ../contracts/${path.basename(contract)}\nrails: [XX-TEST]\nenvironments: {}\n`);
  const r = await runCli(['run', '--no-html', '--reports', path.join(dir, 'reports')], { cwd: dir });
  expect(r.stderr).not.toMatch(/internal error/);
  const ready = JSON.parse(await readFile(path.join(dir, 'reports', 'readiness', `${id}.json`), 'utf8')) as Readiness;
  return { code: r.code, ready, markdown: await readFile(path.join(dir, 'reports', 'readiness', `${id}.md`), 'utf8') };
}

describe.skipIf(!present)('a minimal profile for a real contract is never GO for what was not exercised', () => {
  it('PayPal payments: NO-GO, naming the families not exercised; every operation called with requests generated from the contract', async () => {
    const { code, ready, markdown } = await minimalRun('paypal', 'paypal/payments_payment_v2.json');
    expect(ready.verdict).toBe('NO-GO');
    expect(code).toBe(1);
    expect(ready.reasons).toContain('auth: required for GO, but not exercised: every check was skipped (1)');
    // Issue 17, item 2: no path id has an example; each comes from a fixture or a create the probe made, so all 7 are called.
    expect(ready.reasons.filter((r) => r.startsWith('operations:'))).toEqual([]);
    expect(ready.operations?.rows.map((r) => [r.operation, r.checks.some((c) => c.family === 'contract' && c.status !== 'skipped')])).toEqual(ready.operations?.rows.map((r) => [r.operation, true]));
    expect(ready.operations?.rows).toHaveLength(7);
    expect(markdown).not.toMatch(/\*\*never called\*\*/);
  });

  it("a webhooks-only contract (Adyen transfer notifications): decided by railgate's receiver, every event delivered and judged", async () => {
    const { code, ready, markdown } = await minimalRun('adyen-transfer-hooks', 'adyen/BalancePlatformTransferNotification-v4.yaml');
    expect(ready.verdict, ready.reasons.join('\n')).toBe('GO');
    expect(code).toBe(0);
    // Its events are the coverage: each delivered by the receiver checks (valid samples, forged, schema-breaking).
    expect(ready.operations?.rows.map((r) => [r.operation, r.received, r.checks.map((c) => c.status)])).toEqual([
      ['balancePlatform.transfer.created', true, ['passed', 'passed', 'passed']],
      ['balancePlatform.transfer.updated', true, ['passed', 'passed', 'passed']],
    ]);
    // HTTP Basic carries no timestamp: the stale check says it does not apply, visibly.
    const stale = ready.checks.find((c) => c.name === "webhook balancePlatform.transfer.created: railgate's receiver refuses stale deliveries");
    expect(stale).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^does not apply: nothing dates a delivery sent with HTTP Basic credentials/) });
    // No call to map an error code from: the errors family does not apply.
    expect(Object.keys(ready.families)).toEqual(['contract']);
    expect(markdown).toContain('| `POST (webhook)` balancePlatform.transfer.created | yes | 3 passed |');
  });
});
