import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOnlyPartner } from './helpers/fixture-partner.ts';
import { runInProcess } from './helpers/in-process.ts';
import type { InProcessOutcome } from './helpers/in-process.ts';
import { REPO, tempDir } from './helpers/workspace.ts';

// Issue 17: the simulator keeps the contract it serves, and the contract family drives real contracts end to end.
// Each real provider contract, with the smallest profile the schema accepts, runs the contract family against its
// own embedded simulator, in process (the family's checks, the session and the simulator as `railgate run` uses
// them; vitest and the report writers are proven elsewhere). The simulator is railgate's: any answer of it that
// breaks the contract is railgate's fault, so no conformance check may fail, and at least 90 % of the operations
// must be called, every other one named with its reason.

const REAL = path.resolve(REPO, '../shared/contracts-real');
const present = existsSync(REAL);
if (!present) console.warn(`skipped: ${REAL} is not there (the real provider contracts sit beside the project)`);

const CONTRACTS: Array<{ id: string; file: string; lenient?: boolean }> = [
  { id: 'paypal-payments', file: 'paypal/payments_payment_v2.json' },
  { id: 'adyen-payout', file: 'adyen/PayoutService-v68.yaml' },
  { id: 'adyen-transfer', file: 'adyen/TransferService-v4.yaml' },
  { id: 'adyen-checkout', file: 'adyen/CheckoutService-v72.yaml' },
  // Square's document has dangling $refs and keys OpenAPI does not allow: it loads only leniently.
  { id: 'square', file: 'square/api.json', lenient: true },
];

let ws: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  ws = await tempDir('railgate-real-');
});
afterAll(() => ws.dispose());

async function contractFamily(c: (typeof CONTRACTS)[number]): Promise<{ outcomes: InProcessOutcome[]; operations: string[] }> {
  const partner = await contractOnlyPartner(path.join(ws.dir, c.id), c.id, path.join(REAL, c.file), { lenient: c.lenient });
  const { outcomes } = await runInProcess(partner, { families: ['contract'], seed: 20261121 });
  return { outcomes, operations: [...partner.contract.operations.keys()] };
}

describe.skipIf(!present)('the contract family against the simulator of each real provider contract', () => {
  for (const c of CONTRACTS) {
    it(`${c.file}: no answer of the simulator breaks the contract, and ≥ 90 % of operations are called`, async () => {
      const { outcomes, operations } = await contractFamily(c);
      // Static rules judge the contract itself (its own defects are real findings); the answers are the simulator's.
      const answers = outcomes.filter((o) => !o.static);
      const blamed = answers.filter((o) => o.status === 'failed' || o.status === 'broken').map((o) => `${o.name}: ${o.reason}`);
      expect(blamed).toEqual([]);
      const called = new Set(outcomes.flatMap((o) => o.operations));
      const notCalled = operations.filter((op) => !called.has(op));
      const why = notCalled.map((op) => `${op}: ${outcomes.find((o) => o.name.startsWith(`${op} `))?.reason ?? 'no check planned'}`);
      // Every operation not called is named with its reason (the conformance check's skip note).
      for (const line of why) expect(line).not.toMatch(/no check planned$/);
      expect(called.size / operations.length, `not called:\n${why.join('\n')}`).toBeGreaterThanOrEqual(0.9);
    });
  }
});
