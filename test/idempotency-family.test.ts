import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonOf, runFamily, runFamilyInProcess } from './helpers/family-run.ts';
import { tempDir } from './helpers/workspace.ts';

// Issue 4: the idempotency family against the embedded simulator behind the fault layer (real loopback servers,
// the scaled clock), clean and with each planted defect. Every defect must fail the family with a reason that
// names the duplicated transactions. The clean run goes through the CLI, as CI runs it; the defects run in
// process, judged as the CLI judges them (test/in-process-verdicts.test.ts), `code` the exit code it gives.
let reports: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  reports = await tempDir('railgate-idempotency-');
});
afterAll(() => reports.dispose());

const runClean = () => runFamily({ reports: reports.dir, name: 'clean', partner: 'pixpay', family: 'idempotency' });
const runIdempotency = (defect: string) => runFamilyInProcess({ partner: 'pixpay', family: 'idempotency', defect });

const CHECK = {
  replay: 'createPayout replay: same key and body give the original answer and one transaction',
  mismatch: 'createPayout mismatch: same key with another amount gives the documented conflict and no second transaction',
  concurrency: 'createPayout concurrency: 10 simultaneous requests with one key make one transaction',
  missingKey: 'createPayout missing key: a request without the key gets the documented answer',
  lost: 'createPayout lost response: the retry with the same key gets the original outcome and one transaction',
  distinct: 'createPayout distinct keys: two keys with the same body make two transactions',
};
/** "made 2 transactions (po_A, po_B) where 1 was due, by listPayouts?reference=RG-…": the ids, named. */
const duplicates = (n: string, tag: string): RegExp => new RegExp(`\\[partner-defect\\] duplicate transactions: .* made ${n} transactions \\((po_\\w+, )+po_\\w+\\) where 1 was due, by listPayouts\\?reference=RG-${tag}-\\w+`);
const TIMEOUT = 120_000;

describe('railgate run --family idempotency', () => {
  it(
    'is GO against the clean simulator: all six checks generated for createPayout and for createCharge pass',
    async () => {
      const { code, ready } = await runClean();
      expect(code).toBe(0);
      expect(ready.families.idempotency).toMatchObject({ status: 'passed', passed: 12, failed: [], skipped: [] });
      // PIX collections (issue 7): the QR charge's create is idempotent too, with the same six checks.
      expect(ready.checks.map((c) => c.name)).toEqual([...Object.values(CHECK), ...Object.values(CHECK).map((n) => n.replace('createPayout', 'createCharge'))]);
      expect(ready.checks.every((c) => c.severity === 'blocker')).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'fails on replay-creates-duplicate: the replay made a second transaction, named',
    async () => {
      const { code, ready } = await runIdempotency('replay-creates-duplicate');
      expect(code).toBe(1);
      expect(ready.families.idempotency?.status).toBe('failed');
      expect(ready.families.idempotency?.failed).toContain(CHECK.replay);
      expect(reasonOf(ready, CHECK.replay)).toMatch(duplicates('2', 'REPLAY'));
      expect(reasonOf(ready, CHECK.replay)).toMatch(/the replay answered 201 po_\w+, the original 201 po_\w+/);
    },
    TIMEOUT,
  );

  it(
    'fails on concurrent-duplicates: the burst made several transactions, named',
    async () => {
      const { code, ready } = await runIdempotency('concurrent-duplicates');
      expect(code).toBe(1);
      expect(ready.families.idempotency?.failed).toContain(CHECK.concurrency);
      expect(reasonOf(ready, CHECK.concurrency)).toMatch(duplicates('\\d+', 'BURST'));
      expect(reasonOf(ready, CHECK.concurrency)).toMatch(/^\[partner-defect\] duplicate transactions: 10 simultaneous requests with Idempotency-Key [0-9a-f-]{36} made/);
    },
    TIMEOUT,
  );

  it(
    'fails on mismatch-accepted: the other amount made a second transaction instead of the 409',
    async () => {
      const { code, ready } = await runIdempotency('mismatch-accepted');
      expect(code).toBe(1);
      // Only the mismatch checks fail: createPayout's, and createCharge's (PIX collections, issue 7).
      expect(ready.families.idempotency?.failed).toEqual([CHECK.mismatch, CHECK.mismatch.replace('createPayout', 'createCharge')]);
      expect(reasonOf(ready, CHECK.mismatch)).toMatch(duplicates('2', 'MISMATCH'));
      expect(reasonOf(ready, CHECK.mismatch)).toMatch(/accepted \(201: a new transaction po_\w+ besides po_\w+\); the profile documents 409 IDEMPOTENCY_KEY_REUSED/);
    },
    TIMEOUT,
  );

  it(
    'fails on lost-response-duplicate: the retry after the lost answer made a second transaction, named',
    async () => {
      const { code, ready } = await runIdempotency('lost-response-duplicate');
      expect(code).toBe(1);
      expect(ready.families.idempotency?.failed).toContain(CHECK.lost);
      expect(reasonOf(ready, CHECK.lost)).toMatch(duplicates('2', 'LOST'));
      // Replays after the answer arrived are fine: the key was recorded by then.
      expect(ready.families.idempotency?.failed).not.toContain(CHECK.replay);
    },
    TIMEOUT,
  );
});
