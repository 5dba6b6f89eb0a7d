import { afterEach, describe, expect, test } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { copyWorkspace } from './helpers/workspace.ts';

// Issue 5: a profile that asks to retry a non-idempotent operation after the partner may have the
// request is rejected at lint time, located in the profile (exit 2).
describe('railgate lint: unsafe retries', () => {
  let ws: Awaited<ReturnType<typeof copyWorkspace>> | undefined;
  afterEach(async () => {
    await ws?.dispose();
    ws = undefined;
  });

  test('a POST without an idempotency key, retried after 503, is a located profile error', async () => {
    ws = await copyWorkspace();
    await ws.edit('partners/pixpay.yaml', /  operations:\n    listPayouts: \{ attempts: 3 \}\n/, '  operations:\n    listPayouts: { attempts: 3 }\n    createPayout: { on: { statuses: [429, 503], network: [refused] } }\n');
    await ws.edit('partners/pixpay.yaml', 'operations: [createPayout, createCharge]', 'operations: [createCharge]');
    const r = await runCli(['lint'], { cwd: ws.dir });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/partners\/pixpay\.yaml:\d+:\d+ +.*createPayout \(POST, no idempotency key\) would be retried after 503/);
  });

  test('an override with only 429, a 4xx-only code and refused passes the retry rule', async () => {
    ws = await copyWorkspace();
    await ws.edit('partners/pixpay.yaml', /  operations:\n    listPayouts: \{ attempts: 3 \}\n/, '  operations:\n    listPayouts: { attempts: 3 }\n    createPayout: { on: { statuses: [429], codes: [RATE_LIMITED], network: [refused] } }\n');
    await ws.edit('partners/pixpay.yaml', 'operations: [createPayout, createCharge]', 'operations: [createCharge]');
    const r = await runCli(['lint'], { cwd: ws.dir });
    expect(r.stdout + r.stderr).not.toMatch(/would be retried/);
  });
});
