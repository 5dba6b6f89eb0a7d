import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonOf, runFamily, runFamilyInProcess } from './helpers/family-run.ts';
import { tempDir } from './helpers/workspace.ts';

// Issue 12: EuroCard's simulator returned the full PAN and the CVC from GET /payments although its contract
// says a card is never returned, and no check noticed. The pci check of the contract family does. The defect runs
// through the CLI (every report it writes is searched for the card); the clean run in process, judged as the CLI
// judges it (test/in-process-verdicts.test.ts).

const PCI = 'pci: no answer or webhook carries a full card number or a card security code';
let reports: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  reports = await tempDir('railgate-pci-');
});
afterAll(() => reports.dispose());

/** Every file under a folder, as text. */
async function allText(dir: string): Promise<string> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(files.filter((f) => f.isFile()).map((f) => readFile(path.join(f.parentPath, f.name), 'utf8')));
  return texts.join('\n');
}

describe('the pci check', () => {
  it('fails as a partner defect when the simulator echoes the card, naming where and never the value', async () => {
    const run = await runFamily({ reports: reports.dir, name: 'echoed', partner: 'eurocard', family: 'contract', defect: 'card-data-echoed' });
    expect(run.code).toBe(1);
    expect(run.ready.families.contract?.failed).toEqual([PCI]);
    const reason = reasonOf(run.ready, PCI);
    expect(reason).toMatch(/^\[partner-defect\] eurocard returns card data it must never return after authorization \(PCI DSS 3\.3, 3\.4\)/);
    expect(reason).toMatch(/exchange #\d+ GET \/v1\/payments\/pay_\w+ \(200\): a full card number at \/card\/number/);
    expect(reason).toMatch(/exchange #\d+ GET \/v1\/payments\/pay_\w+ \(200\): a card security code at \/card\/cvc/);
    expect(reason).toMatch(/webhook delivery #\d+ payment\.authorized evt_\w+: a card security code at \/data\/card\/cvc/);
    // The contract example's card, sent by the probes: never in any report, nor its CVC.
    const everything = `${await allText(path.join(reports.dir, 'echoed'))}\n${run.stdout}\n${run.stderr}`;
    expect(everything).not.toContain('4242424242424242');
    expect(everything).not.toMatch(/\\?"cvc\\?"\s*:\s*\\?"123/);
  });

  it('passes against the clean simulator, which keeps a card as its last four', async () => {
    const run = await runFamilyInProcess({ partner: 'eurocard', family: 'contract' });
    expect(run.ready.checks.find((c) => c.name === PCI)?.status).toBe('passed');
    expect(run.ready.families.contract?.status).toBe('passed');
  });
});
