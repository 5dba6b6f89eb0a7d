import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notPassed, runFamily, runFamilyInProcess } from './family-run.ts';
import { tempDir } from './workspace.ts';

/** Each auth defect, the check it must fail and the words its failure must say. */
export const AUTH_DEFECTS: ReadonlyArray<{ defect: string; check: string; reason: RegExp }> = [
  { defect: 'accept-missing-signature', check: 'createPayout rejects a request whose signature was removed', reason: /createPayout accepted a forgery: a request whose signature was removed/ },
  { defect: 'accept-stale-timestamp', check: 'createPayout rejects a timestamp older than the tolerance', reason: /createPayout accepted a forgery: a timestamp older than the tolerance[^\n]*\nsigned 360s in the past \(tolerance 300s\)\n(canonical string|signature base) that was signed/ },
  { defect: 'unsigned-body', check: 'createPayout rejects a body changed after signing', reason: /createPayout accepted a forgery: a body changed after signing[^\n]*\nthe body was changed after signing \(amount \d+ → \d+\)/ },
  { defect: 'webhook-bad-signature', check: 'webhook deliveries from the partner verify', reason: /webhook deliveries from \w+ carry a bad signature: \d+ of \d+ failed verification by railgate's receiver \(signature mismatch against the computed base/ },
];

/**
 * The auth family, clean and with each planted defect. Clean: exit 0. Each planted defect: exit 1, the auth
 * family failed, the failure naming the forgery that was accepted — and never a secret of the profile. With
 * `cli`, the clean run goes through the CLI as a user runs it (a child process, reports in a temporary folder);
 * every other run is in process, judged as the CLI judges it (test/in-process-verdicts.test.ts).
 */
export function authDefectSuite(partner: string, secrets: readonly string[], opts: { cli: boolean }): void {
  let reports: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    reports = await tempDir(`railgate-auth-${partner}-`);
  });
  afterAll(() => reports.dispose());

  const run = (defect?: string) => (opts.cli && defect === undefined ? runFamily({ reports: reports.dir, name: 'clean', partner, family: 'auth' }) : runFamilyInProcess({ partner, family: 'auth', defect }));

  describe(`railgate run --partner ${partner} --family auth`, () => {
    it(`passes against the clean simulator${opts.cli ? ', through the CLI' : ''}`, async () => {
      const r = await run();
      expect(r.code, notPassed(r.ready)).toBe(0);
      expect(r.ready.families.auth).toMatchObject({ status: 'passed', failed: [] });
      expect(r.ready.checks.filter((c) => c.family === 'auth').length).toBeGreaterThan(20);
    });

    it.each(AUTH_DEFECTS)('fails with $defect, naming the accepted forgery', async ({ defect, check, reason }) => {
      const r = await run(defect);
      expect(r.code, notPassed(r.ready)).toBe(1);
      expect(r.ready.verdict).toBe('NO-GO');
      expect(r.ready.families.auth?.status).toBe('failed');
      expect(r.ready.families.auth?.failed).toContain(check);
      const failed = r.ready.checks.filter((c) => c.status === 'failed');
      expect(failed.find((c) => c.name === check)?.reason).toMatch(reason);
      for (const c of failed) {
        expect(c.reason).toMatch(/accepted a forgery|bad signature/);
        for (const secret of secrets) expect(c.reason).not.toContain(secret);
      }
    });
  });
}
