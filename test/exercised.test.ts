import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_ORDER } from '../src/checks/plan.ts';
import { exitCodeOf } from '../src/cli/verdicts.ts';
import { DEFAULT_SEED } from '../src/random/rng.ts';
import { readinessMarkdown } from '../src/readiness/index.ts';
import type { Readiness } from '../src/readiness/index.ts';
import { contractOnlyPartner } from './helpers/fixture-partner.ts';
import { runInProcess } from './helpers/in-process.ts';
import { REPO, tempDir } from './helpers/workspace.ts';

// Issue 17: GO only for what was exercised. Real provider contracts with the smallest profile the schema
// accepts: before, PayPal payments read GO with 0 of 7 operations called, a webhooks-only contract GO on static checks.
// Since requests are generated where the contract has no example (src/requests), all 7 are called; auth still is not.
// Every family, in process, judged as a full `railgate run` judges it (test/in-process-verdicts.test.ts); the
// Markdown is the one the run writes from that readiness.

const REAL = path.resolve(REPO, '../shared/contracts-real');
const present = existsSync(REAL);
if (!present) console.warn(`skipped: ${REAL} is not there (the real provider contracts sit beside the project)`);

let ws: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  ws = await tempDir('railgate-exercised-');
});
afterAll(() => ws.dispose());

async function minimalRun(id: string, contract: string): Promise<{ code: number; ready: Readiness; markdown: string }> {
  const partner = await contractOnlyPartner(path.join(ws.dir, id), id, path.join(REAL, contract));
  const { readiness: ready } = await runInProcess(partner, { families: [...FAMILY_ORDER], seed: DEFAULT_SEED });
  return { code: exitCodeOf([ready]), ready, markdown: readinessMarkdown(ready) };
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
