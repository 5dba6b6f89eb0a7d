import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Readiness } from '../src/readiness/index.ts';
import { runFamily, runFamilyInProcess } from './helpers/family-run.ts';
import { tempDir } from './helpers/workspace.ts';

// The defect matrices of the family tests run in process (helpers/in-process.ts): the verdict rules are the
// product, so the in-process verdict must be the one `railgate run` writes. One family with a planted defect,
// both ways: EuroCard's transactions with over-refund (its setup registers railgate's receiver; checks pass and
// fail; the reconciliation table is lifted from the checks' evidence).

let reports: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  reports = await tempDir('railgate-in-process-');
});
afterAll(() => reports.dispose());

/** The readiness but for what differs from run to run by design: when it was written, how long each check took, the ports the OS picked. */
function comparable(ready: Readiness): unknown {
  const { generatedAt: _generatedAt, checks, ...rest } = ready;
  const text = JSON.stringify({ ...rest, checks: checks.map(({ durationMs: _durationMs, ...c }) => c) });
  return JSON.parse(text.replace(/\b127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')) as unknown;
}

describe('the in-process runner', () => {
  it('judges eurocard transactions with over-refund exactly as railgate run does: verdict, reasons, families, every check, exit code', async () => {
    const [cli, inProcess] = [
      await runFamily({ reports: reports.dir, name: 'cli', partner: 'eurocard', family: 'transactions', defect: 'over-refund' }),
      await runFamilyInProcess({ partner: 'eurocard', family: 'transactions', defect: 'over-refund' }),
    ];
    expect(cli.code).toBe(1);
    expect(inProcess.code).toBe(cli.code);
    expect(inProcess.ready.verdict).toBe('NO-GO');
    expect(inProcess.ready.reasons).toEqual(cli.ready.reasons);
    expect(inProcess.ready.checks.map((c) => [c.name, c.status, c.reason])).toEqual(cli.ready.checks.map((c) => [c.name, c.status, c.reason]));
    expect(cli.ready.checks.filter((c) => c.status === 'failed').length).toBeGreaterThan(0);
    expect(cli.ready.checks.filter((c) => c.status === 'passed').length).toBeGreaterThan(0);
    expect(cli.ready.reconciliation?.rows.length).toBeGreaterThan(0);
    // Everything else too: families, coverage, reconciliation, latency, partial.
    expect(comparable(inProcess.ready)).toEqual(comparable(cli.ready));
  }, 180_000);
});
