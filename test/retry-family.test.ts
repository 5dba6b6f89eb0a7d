import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Readiness } from '../src/readiness/index.ts';
import { reasonOf, runFamily, runFamilyInProcess } from './helpers/family-run.ts';
import { tempDir } from './helpers/workspace.ts';

// Issue 5: the retry family against the embedded simulator behind the fault layer (real loopback servers, the
// scaled clock), clean and with each planted defect. The clean run goes through the CLI, as CI runs it; the
// defects run in process, judged as the CLI judges them (test/in-process-verdicts.test.ts).
let reports: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  reports = await tempDir('railgate-retry-');
});
afterAll(() => reports.dispose());

const runRetry = (defect: string) => runFamilyInProcess({ partner: 'pixpay', family: 'retry', defect });

/** Every check that did not pass, with its reason: the assertion message when a family's outcome is not the expected one. */
const notPassed = (ready: Readiness) => ready.checks.filter((c) => c.status !== 'passed').map((c) => `${c.name}: ${c.reason}`).join('\n');
const TIMEOUT = 180_000;

describe('railgate run --family retry', () => {
  it(
    'is GO against the clean simulator: every retry check generated for pixpay passes',
    async () => {
      const { code, ready } = await runFamily({ reports: reports.dir, name: 'clean', partner: 'pixpay', family: 'retry' });
      expect(code, notPassed(ready)).toBe(0);
      expect(ready.families.retry).toMatchObject({ status: 'passed', failed: [] });
      const names = ready.checks.filter((c) => c.family === 'retry').map((c) => c.name);
      for (const op of ['createPayout', 'getPayout', 'listPayouts']) expect(names).toContain(`${op}: a hung partner ends in the configured timeout, never a hang`);
      expect(names).toContain('createPayout: every attempt carries the same idempotency key');
      expect(names).toContain('createPayout: after an ambiguous timeout the final state is reconciled, with no duplicate');
      expect(ready.checks.filter((c) => c.family === 'retry' && c.status !== 'passed')).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'fails on duplicate-on-retry: the partner list shows two transactions for one call',
    async () => {
      const { code, ready } = await runRetry('duplicate-on-retry');
      expect(code).toBe(1);
      expect(ready.families.retry?.status).toBe('failed');
      expect(reasonOf(ready, 'createPayout: a retryable failure is retried, then succeeds')).toMatch(/2 transactions exist for the one call .* by listPayouts\?reference=RG-RETRY-\w+.*a retry with the same idempotency key created a duplicate/);
      expect(reasonOf(ready, 'createPayout: after an ambiguous timeout the final state is reconciled, with no duplicate')).toMatch(/2 transactions exist .*: a duplicate/);
    },
    TIMEOUT,
  );

  it(
    'fails on retry-after-missing: the 429 lacks the Retry-After its contract documents',
    async () => {
      const { code, ready } = await runRetry('retry-after-missing');
      expect(code).toBe(1);
      expect(ready.families.retry?.failed, notPassed(ready)).toEqual(['createPayout: Retry-After is waited for']);
      expect(reasonOf(ready, 'createPayout: Retry-After is waited for')).toMatch(/the partner answered 429 without the Retry-After header its contract documents .*fell back to its own backoff/);
    },
    TIMEOUT,
  );

  it(
    'fails on hang without hanging the run: the partner took the requests and answered none in time',
    async () => {
      const { code, ready, wallMs } = await runRetry('hang');
      expect(code).toBe(1);
      expect(ready.families.retry?.status).toBe('failed');
      expect(reasonOf(ready, 'createPayout: a retryable failure is retried, then succeeds')).toMatch(/the partner took \d+ requests? and answered none in time .*10000 ms headers timeout/);
      // Every call ended by its own timeouts: the run is bounded by them, not by vitest's 120 s test timeout.
      expect(wallMs).toBeLessThan(100_000);
    },
    TIMEOUT,
  );
});
