import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintPartner } from '../src/cli/cmd-lint.ts';
import { loadVocabulary } from '../src/errors/index.ts';
import type { Vocabulary } from '../src/errors/index.ts';
import { initPartner, loadOnboardingContract } from '../src/onboard/index.ts';
import { loadPartner } from '../src/partner/index.ts';
import { runInProcess } from './helpers/in-process.ts';
import { REPO, tempDir } from './helpers/workspace.ts';

// Issue 15: `railgate init` on every real provider contract and on the example partners' contracts, then lint on
// what it wrote (no errors; every TODO listed, located) and the contract family against the embedded simulator
// (no answer fails or breaks a check: the simulator is railgate's, so that would be the generated profile's
// fault), at least 90 % of the operations called and every other one named with its reason. In process:
// initPartner, lintPartner and runInProcess are what `railgate init`, `lint` and `run` use. This carries the checks of
// the former real-contracts test (the same contract family over the same contracts, then with the smallest profile
// the schema accepts): a provider's contract now first meets railgate through the profile init writes.

const REAL = path.resolve(REPO, '../shared/contracts-real');
const present = existsSync(REAL);
if (!present) console.warn(`skipped the real contracts: ${REAL} is not there (the real provider contracts sit beside the project)`);

const CONTRACTS: Array<{ id: string; file: string; real?: boolean }> = [
  { id: 'pixpay-init', file: path.join(REPO, 'contracts/pixpay/pixpay.openapi.yaml') },
  { id: 'lionbank-init', file: path.join(REPO, 'contracts/lionbank/lionbank.openapi.yaml') },
  { id: 'eurocard-init', file: path.join(REPO, 'contracts/eurocard/eurocard.openapi.yaml') },
  ...['paypal/payments_payment_v2.json', 'adyen/PayoutService-v68.yaml', 'adyen/TransferService-v4.yaml', 'adyen/CheckoutService-v72.yaml', 'adyen/BalancePlatformTransferNotification-v4.yaml', 'square/api.json'].map((f) => ({
    id: path.basename(f).replace(/\.(json|yaml)$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    file: path.join(REAL, f),
    real: true,
  })),
];

let ws: Awaited<ReturnType<typeof tempDir>>;
let vocabulary: Vocabulary;
beforeAll(async () => {
  ws = await tempDir('railgate-init-');
  vocabulary = await loadVocabulary();
});
afterAll(() => ws.dispose());

describe('railgate init on every contract, then lint and the contract family', () => {
  for (const c of CONTRACTS) {
    it.skipIf(c.real && !present)(`${path.relative(path.dirname(REPO), c.file)}: lint finds no error and lists every TODO; no answer of the simulator fails a check`, async () => {
      const loaded = await loadOnboardingContract(c.file);
      const dir = path.join(ws.dir, c.id);
      const r = await initPartner({ id: c.id, source: c.file, loaded, vocabulary, dir, rail: 'XX-TEST' });
      // Loaded from the files written, as lint loads them; Square's 3 MB contract is the one already in memory.
      const big = loaded.contract.file.endsWith('square/api.json');
      const partner = await loadPartner(r.profileFile, dir, big ? { text: await readFile(r.profileFile, 'utf8'), contract: loaded.contract } : undefined);
      expect(partner.scenarios.map((s) => path.resolve(s.file)).sort()).toEqual(r.scenarioFiles.map((f) => path.resolve(f)).sort());

      const lint = await lintPartner(partner, vocabulary);
      expect(lint.filter((l) => l.level === 'error').map((l) => l.line)).toEqual([]);
      const todos = lint.filter((l) => / {2}TODO /.test(l.line));
      expect(todos.length).toBe(r.todos);
      for (const t of todos) expect(t.line).toMatch(/^\S+\/partners\/[a-z0-9-]+\.yaml:\d+:\d+ {2}TODO \S/);

      const { outcomes } = await runInProcess(partner, { families: ['contract'], seed: 20261121 });
      const blamed = outcomes.filter((o) => (!o.static || /idempotency header/.test(o.name)) && (o.status === 'failed' || o.status === 'broken')).map((o) => `${o.name}: ${o.reason}`);
      expect(blamed).toEqual([]);
      // At least 90 % of the operations are called, every other one named with its reason (the conformance check's skip note).
      const operations = [...partner.contract.operations.keys()];
      const called = new Set(outcomes.flatMap((o) => o.operations));
      const why = operations.filter((op) => !called.has(op)).map((op) => `${op}: ${outcomes.find((o) => o.name.startsWith(`${op} `))?.reason ?? 'no check planned'}`);
      for (const line of why) expect(line).not.toMatch(/no check planned$/);
      if (operations.length > 0) expect(called.size / operations.length, `not called:\n${why.join('\n')}`).toBeGreaterThanOrEqual(0.9);
      expect(outcomes.some((o) => !o.static && o.status === 'passed')).toBe(true);
    });
  }
});
