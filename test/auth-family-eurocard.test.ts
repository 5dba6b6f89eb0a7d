import { describe, expect, it } from 'vitest';
import { notPassed, runFamilyInProcess } from './helpers/family-run.ts';

// Issue 7: the auth family for the API-key partner. Nothing is signed on EuroCard's requests, so the
// signature defects of pixpay and lionbank do not apply; what can go wrong is a key the partner never issued
// being accepted, and webhooks signed with a key our receiver does not trust. In process, judged as the CLI
// judges it (test/in-process-verdicts.test.ts); the auth family's CLI path is auth-family-pixpay's.

const SECRETS = ['sk_test_railgate_simulator_eurocard_0001', 'whsec_test_railgate_simulator_eurocard_not_a_real_secret'];

const DEFECTS = [
  {
    defect: 'accept-unknown-api-key',
    check: 'authorizePayment rejects credentials the partner never issued',
    reason: /authorizePayment accepted a forgery: credentials the partner never issued[^\n]*\na forged API key of the right shape was sent/,
  },
  {
    // The partner quotes the key it refused in its 401s (JSON, and text/plain with the key in base64).
    defect: 'reflect-credentials',
    check: 'no answer quotes a credential back',
    reason: /eurocard sends credentials back in its answers, \d+ times \(the value is not shown\):\n {2}- exchange #\d+ \w+ \/v1\/[^ ]+ \(401\): its body quotes a credential \((as is|encoded)\)/,
  },
  {
    defect: 'webhook-bad-signature',
    check: 'webhook deliveries from the partner verify',
    reason: /webhook deliveries from eurocard carry a bad signature: \d+ of \d+ failed verification by railgate's receiver/,
  },
];

const run = (defect?: string) => runFamilyInProcess({ partner: 'eurocard', family: 'auth', defect });

describe('railgate run --partner eurocard --family auth', () => {
  it('passes against the clean simulator, every secured operation refusing a missing and an unknown key', async () => {
    const r = await run();
    expect(r.code, notPassed(r.ready)).toBe(0);
    expect(r.ready.families.auth).toMatchObject({ status: 'passed', failed: [] });
    const names = r.ready.checks.filter((c) => c.family === 'auth' && c.status === 'passed').map((c) => c.name);
    for (const op of ['authorizePayment', 'capturePayment', 'voidPayment', 'refundPayment', 'getRefund']) {
      expect(names).toContain(`${op} rejects a request without any credentials`);
      expect(names).toContain(`${op} rejects credentials the partner never issued`);
    }
  });

  it.each(DEFECTS)('fails with $defect, naming what was accepted and never a secret', async ({ defect, check, reason }) => {
    const r = await run(defect);
    expect(r.code, notPassed(r.ready)).toBe(1);
    expect(r.ready.verdict).toBe('NO-GO');
    expect(r.ready.families.auth?.failed).toContain(check);
    const failed = r.ready.checks.filter((c) => c.status === 'failed');
    expect(failed.find((c) => c.name === check)?.reason).toMatch(reason);
    for (const c of failed) for (const secret of SECRETS) expect(c.reason).not.toContain(secret);
  });
});
