import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Readiness } from '../src/readiness/index.ts';
import { runCli } from './helpers/cli.ts';
import { reasonOf, runFamily, runFamilyInProcess } from './helpers/family-run.ts';
import type { FamilyRun } from './helpers/family-run.ts';
import { copyWorkspace, tempDir } from './helpers/workspace.ts';

// Issue 6: the errors family against the embedded simulator (real loopback servers), clean and with each planted
// defect; and lint on a profile whose map names no canonical code. The clean run goes through the CLI, as CI runs
// it; the defects run in process, judged as the CLI judges them (test/in-process-verdicts.test.ts).
let reports: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  reports = await tempDir('railgate-errors-');
});
afterAll(() => reports.dispose());

async function runClean(): Promise<FamilyRun & { markdown: string }> {
  const run = await runFamily({ reports: reports.dir, name: 'clean', partner: 'pixpay', family: 'errors' });
  return { ...run, markdown: await readFile(path.join(reports.dir, 'clean', 'readiness', 'pixpay.md'), 'utf8') };
}

const runErrors = (defect: string) => runFamilyInProcess({ partner: 'pixpay', family: 'errors', defect });

/** The failed checks with their reasons: what a failing assertion on the exit code should show. */
const failures = (ready: Readiness) => ready.checks.filter((c) => c.status === 'failed').map((c) => `${c.name}: ${c.reason ?? ''}`).join('\n');

describe('railgate run --family errors', () => {
  it('is GO against the clean simulator, with every mapped code exercised', async () => {
    const { code, ready, markdown } = await runClean();
    expect(code, failures(ready)).toBe(0);
    expect(ready.verdict).toBe('GO');
    expect(ready.families.errors).toMatchObject({ status: 'passed', failed: [], skipped: [] });
    expect(ready.errors?.coverage).toBe(1);
    expect(ready.errors?.unmapped).toEqual([]);
    expect(ready.errors?.matrix).toContainEqual({ code: 'PIX_KEY_NOT_FOUND', status: 422, canonical: 'AC03', exercised: true });
    expect(ready.errors?.matrix).toContainEqual({ code: 'IDEMPOTENCY_KEY_IN_FLIGHT', status: 409, canonical: 'IN_FLIGHT', exercised: true });
    expect(ready.errors?.matrix.every((row) => row.exercised)).toBe(true);
    expect(markdown).toContain('**Error codes** — coverage 100% (12 of 12 mapped codes exercised)');
  });

  it('fails the family on undocumented-error-code, naming the code and the request', async () => {
    const { code, ready } = await runErrors('undocumented-error-code');
    expect(code).toBe(1);
    expect(ready.verdict).toBe('NO-GO');
    expect(ready.families.errors?.status).toBe('failed');
    expect(reasonOf(ready, 'PIX_KEY_NOT_FOUND via createPayout comes back as documented')).toContain(
      "answered partner code 'SIM_UNDOCUMENTED_ERROR' instead of 'PIX_KEY_NOT_FOUND': neither the contract nor errors.map knows 'SIM_UNDOCUMENTED_ERROR'",
    );
    expect(reasonOf(ready, 'every partner code seen in the run is mapped')).toMatch(
      /partner code 'SIM_UNDOCUMENTED_ERROR' \(HTTP 422\) from exchange #\d+ POST \/v2\/payouts \(createPayout\)/,
    );
    expect(ready.errors?.unmapped).toContainEqual({ code: 'SIM_UNDOCUMENTED_ERROR', status: 422, operationId: 'createPayout' });
    // errors.minCoverage: 1 — no trigger's code came back, so the coverage check fails too, with the matrix kept
    // (only the schema validation's own INVALID_REQUEST is still answered as documented). A partial run judges the
    // share over the codes the family's own triggers provoke (PixPay has one for each).
    expect(reasonOf(ready, 'error-code coverage of the run')).toMatch(/^\[partner-defect\] error-code coverage 8\.3% of the codes errors\.triggers provoke \(a partial run\) is below errors\.minCoverage 100%: no request of the run provoked [A-Z_, ]*PIX_KEY_NOT_FOUND[A-Z_, ]* as documented/);
    expect(ready.errors?.coverage).toBeCloseTo(1 / 12);
  });

  it('alone, does not blame the partner for codes only another family provokes (LionBank: its 401s are the auth family\'s)', async () => {
    const { ready } = await runFamilyInProcess({ partner: 'lionbank', family: 'errors' });
    expect(ready.checks.find((c) => c.name === 'error-code coverage of the run')?.status, failures(ready)).toBe('passed');
    expect(ready.errors?.coverage).toBeLessThan(1);
  });

  it('fails the family on wrong-error-status, naming the code and both statuses', async () => {
    const { code, ready } = await runErrors('wrong-error-status');
    expect(code).toBe(1);
    expect(ready.families.errors?.status).toBe('failed');
    expect(ready.families.errors?.failed).toContain('PIX_KEY_NOT_FOUND via createPayout comes back as documented');
    expect(reasonOf(ready, 'PIX_KEY_NOT_FOUND via createPayout comes back as documented')).toContain(
      "'PIX_KEY_NOT_FOUND' came back with HTTP 400; expected 422 for 'PIX_KEY_NOT_FOUND'",
    );
    // The code itself is still mapped: only the status is wrong.
    expect(ready.families.errors?.failed).not.toContain('every partner code seen in the run is mapped');
  });
});

describe('railgate lint on the error map', () => {
  it('reports a map target the vocabulary lacks at its line, exit 2', async () => {
    const ws = await copyWorkspace();
    try {
      await ws.edit('partners/pixpay.yaml', 'PIX_KEY_NOT_FOUND: { canonical: AC03 }', 'PIX_KEY_NOT_FOUND: { canonical: AC99 }');
      const text = await readFile(path.join(ws.dir, 'partners/pixpay.yaml'), 'utf8');
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.includes('canonical: AC99')) + 1;
      const col = (lines[line - 1] ?? '').indexOf('AC99') + 1;
      const r = await runCli(['lint', '--partner', 'pixpay'], { cwd: ws.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `partners/pixpay.yaml:${line}:${col}  errors.map.PIX_KEY_NOT_FOUND.canonical: 'PIX_KEY_NOT_FOUND' maps to 'AC99', which is not a canonical code (did you mean 'AC01'?)`,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await ws.dispose();
    }
  });

  it('passes the example profile, whose map covers every documented code', async () => {
    const r = await runCli(['lint', '--partner', 'pixpay']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
