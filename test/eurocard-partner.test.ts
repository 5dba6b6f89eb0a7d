import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Readiness } from '../src/readiness/index.ts';
import { runCli } from './helpers/cli.ts';
import { tempDir } from './helpers/workspace.ts';

// Issue 7: the card acquirer example partner through the CLI, as CI runs it for the EU-CARDS rail: its
// scenarios pass on the clean simulator, and its errors family provokes every documented code.

let reports: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  reports = await tempDir('railgate-eurocard-');
});
afterAll(() => reports.dispose());

async function run(name: string, args: string[]) {
  const dir = path.join(reports.dir, name);
  const r = await runCli(['run', '--partner', 'eurocard', ...args, '--no-html', '--reports', dir]);
  const ready = JSON.parse(await readFile(path.join(dir, 'readiness', 'eurocard.json'), 'utf8')) as Readiness;
  if (r.code !== 0) console.error(ready.checks.filter((c) => c.status === 'failed').map((c) => `${c.name}: ${c.reason}`).join('\n'));
  return { ...r, ready };
}

describe('railgate run --partner eurocard', () => {
  it('passes every scenario of the EU-CARDS rail: capture, void, partial refunds, rejections, JPY, the lost response', async () => {
    const r = await run('scenarios', ['--family', 'scenarios']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.ready.rails).toContain('EU-CARDS');
    const passed = r.ready.checks.filter((c) => c.family === 'scenarios' && c.status === 'passed').map((c) => c.name);
    expect(passed.sort()).toEqual(
      ['authorize-capture', 'authorize-lost-response', 'authorize-void', 'capture-partial-refunds', 'declined-card', 'jpy-exponent-zero', 'refund-exceeds-captured'],
    );
  });

  it('provokes every code the contract documents: error-code coverage 100%, each with its documented status', async () => {
    const r = await run('errors', ['--family', 'errors']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.ready.errors?.coverage).toBe(1);
    const rows = r.ready.errors?.matrix ?? [];
    expect(rows).toContainEqual({ code: 'CARD_DECLINED', status: 402, canonical: 'MS03', exercised: true });
    expect(rows).toContainEqual({ code: 'REFUND_EXCEEDS_CAPTURED', status: 422, canonical: 'AM09', exercised: true });
    expect(rows).toContainEqual({ code: 'ALREADY_VOIDED', status: 409, canonical: 'DS02', exercised: true });
  });
});
