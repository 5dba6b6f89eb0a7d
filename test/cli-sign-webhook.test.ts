import { createHash, createHmac, createPrivateKey } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTimestampedWebhook } from '../src/auth/index.ts';
import { signDelivery } from '../src/webhooks/index.ts';
import { runCli } from './helpers/cli.ts';
import { tempDir } from './helpers/workspace.ts';

// Issue 3's diagnostics for support engineers, run as a user runs them.
const AT = 1763733600;
const PIXPAY_SECRET = 'sk_test_railgate_simulator_not_a_real_secret';
const LIONBANK_WEBHOOK_JWK = '{"kty":"OKP","crv":"Ed25519","d":"lRDFhvd0UqogAJa7JqML58kyHotQ_L7yBMyFaPoU6aI","x":"pOkdY3scfQ-jiTpqssKAynMGBXRa2CoCkDtZy1iqcF0"}';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir('railgate-cli-sign-');
});
afterAll(() => tmp.dispose());

async function file(name: string, text: string): Promise<string> {
  const f = path.join(tmp.dir, name);
  await writeFile(f, text);
  return f;
}

describe('railgate sign', () => {
  it('prints the canonical string, the headers and a signature anyone can recompute; never the secret', async () => {
    const body = await file('payout.json', '{"amount":1500,"currency":"BRL","reference":"T-1","creditor":{"pixKey":"a@b.example","pixKeyType":"EMAIL"}}');
    const r = await runCli(['sign', '--partner', 'pixpay', '--operation', 'createPayout', '--body', body, '--at', String(AT), '--nonce', 'n0nce', '--param', 'Idempotency-Key=key-0000000000000001']);
    expect(r.code, r.stderr).toBe(0);
    const digest = createHash('sha256').update('{"amount":1500,"currency":"BRL","reference":"T-1","creditor":{"pixKey":"a@b.example","pixKeyType":"EMAIL"}}').digest('hex');
    const canonical = ['POST', '/v2/payouts', '', String(AT), 'n0nce', digest, 'key-0000000000000001'].join('\n');
    expect(r.stdout).toContain(`-----\n${canonical}\n-----`);
    const signature = createHmac('sha256', PIXPAY_SECRET).update(canonical).digest('hex');
    expect(r.stdout).toContain(`  x-signature: ${signature}`);
    expect(r.stdout).toContain(`signature: ${signature}`);
    expect(r.stdout).toContain('  x-api-key: [redacted]');
    expect(r.stdout).toContain(`  x-content-sha256: ${digest}`);
    expect(r.stdout).not.toContain(PIXPAY_SECRET);
  });

  it('prints the RFC 9421 signature base with its parameters, the token as a placeholder', async () => {
    const r = await runCli(['sign', '--partner', 'lionbank', '--operation', 'getPayout', '--at', '2025-11-21T14:00:00Z', '--nonce', 'abc']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      [
        '"@method": GET',
        '"@target-uri": https://sandbox.lionbank.example/api/v1/payouts/lbp_7Q2M9XK4RA',
        `"@signature-params": ("@method" "@target-uri");created=${AT};expires=${AT + 300};nonce="abc";keyid="railgate-test-2026";tag="lionbank-api"`,
      ].join('\n'),
    );
    expect(r.stdout).toContain('  authorization: [redacted]');
    expect(r.stdout).toMatch(/\nsignature: sig1=:[A-Za-z0-9+/]{86}==:\n/);
    expect(r.stdout).not.toContain('eyLZI0JDURGbYFu2j75tbPg_hQE4mrzm9d6HMnO1QLg');
  });

  it('refuses bad input with exit 2 and no stack trace', async () => {
    const typo = await runCli(['sign', '--partner', 'pixpay', '--operation', 'createPayot']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("railgate: no operation 'createPayot' in contracts/pixpay/pixpay.openapi.yaml (did you mean 'createPayout'?)");
    const sandbox = await runCli(['sign', '--partner', 'pixpay', '--operation', 'createPayout', '--env', 'sandbox'], { env: { PIXPAY_API_KEY: '', PIXPAY_HMAC_SECRET: '', PIXPAY_WEBHOOK_SECRET: '' } });
    expect(sandbox.code).toBe(2);
    expect(sandbox.stderr).toMatch(/^partners\/pixpay\.yaml:\d+:\d+  auth\.hmac\.secretEnv: environment variable PIXPAY_HMAC_SECRET is not set \(needed for the sandbox environment\)$/m);
    const at = await runCli(['sign', '--partner', 'pixpay', '--operation', 'createPayout', '--at', 'yesterday']);
    expect(at.code).toBe(2);
    expect(at.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('railgate webhook verify', () => {
  const pixpayBody = '{"id":"evt_1","type":"payout.status_changed","createdAt":"2025-11-21T14:00:00Z","data":{"id":"po_123456","status":"COMPLETED"}}';
  const header = signTimestampedWebhook({ body: pixpayBody, secret: 'whsec_test_railgate_simulator_not_a_real_secret', timestamp: AT }).header;

  it('says a good timestamped delivery verifies', async () => {
    const r = await runCli(['webhook', 'verify', '--partner', 'pixpay', '--body', await file('ok.json', pixpayBody), '--header', `PixPay-Signature: ${header}`, '--at', String(AT + 30)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('verified: the timestamped signature matches');
  });

  it('names the step that differs: timestamp outside tolerance, or the signature against the computed payload', async () => {
    const stale = await runCli(['webhook', 'verify', '--partner', 'pixpay', '--body', await file('stale.json', pixpayBody), '--header', `PixPay-Signature: ${header}`, '--at', String(AT + 301)]);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('NOT verified — timestamp outside tolerance (too old)\n  signed 301s ago, tolerance 300s');
    const changed = pixpayBody.replace('COMPLETED', 'FAILED');
    const forged = await runCli(['webhook', 'verify', '--partner', 'pixpay', '--body', await file('forged.json', changed), '--header', `PixPay-Signature: ${header}`, '--at', String(AT)]);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toContain('NOT verified — signature mismatch against the computed base');
    expect(forged.stdout).toContain(`signed payload railgate computed, between the lines:\n-----\n${AT}.${changed}\n-----`);
  });

  it('checks an RFC 9421 delivery: good, digest mismatch, unknown key id', async () => {
    const url = 'https://hooks.example.com/webhooks/lionbank';
    const body = '{"id":"evt_9","type":"payout.status_changed","data":{"id":"lbp_7Q2M9XK4RA","status":"ACSC"}}';
    const spec = { scheme: 'rfc9421' as const, algorithm: 'ed25519' as const, components: ['@method', '@target-uri', 'content-type', 'content-digest'] };
    const sign = (keyId: string) => signDelivery(spec, { key: createPrivateKey({ key: JSON.parse(LIONBANK_WEBHOOK_JWK), format: 'jwk' }), keyId }, { method: 'POST', url, headers: { 'content-type': 'application/json' }, body }, AT).headers;
    const args = async (name: string, text: string, headers: Record<string, string>) => [
      'webhook', 'verify', '--partner', 'lionbank', '--url', url, '--at', String(AT + 5), '--body', await file(name, text),
      '--header', 'Content-Type: application/json', ...Object.entries(headers).flatMap(([k, v]) => ['--header', `${k}: ${v}`]),
    ];
    const good = await runCli(await args('good.json', body, sign('lionbank-webhooks-2026')));
    expect(good.code, good.stdout + good.stderr).toBe(0);
    const digest = await runCli(await args('digest.json', body.replace('ACSC', 'RJCT'), sign('lionbank-webhooks-2026')));
    expect(digest.code).toBe(1);
    expect(digest.stdout).toContain('NOT verified — digest mismatch (the body is not the one that was digested)');
    const key = await runCli(await args('key.json', body, sign('lionbank-webhooks-2019')));
    expect(key.code).toBe(1);
    expect(key.stdout).toContain('NOT verified — unknown key id\n  no key for keyid "lionbank-webhooks-2019"\n  railgate knows key id "lionbank-webhooks-2026" for lionbank');
    expect(key.stdout).toContain('"@signature-params": ("@method" "@target-uri" "content-type" "content-digest");created=');
  });

  it('needs the URL an RFC 9421 delivery was posted to', async () => {
    const r = await runCli(['webhook', 'verify', '--partner', 'lionbank', '--body', await file('x.json', '{}')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('railgate: an RFC 9421 signature covers the URL: give the one the partner posted to with --url');
  });
});
