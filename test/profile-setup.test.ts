import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { copyWorkspace, tempDir } from './helpers/workspace.ts';

// Issue 7: a profile's `setup` steps run once per partner before its checks, with ${webhooks.url} filled;
// a setup step that fails fails the partner's checks, located in the profile.
let reports: Awaited<ReturnType<typeof tempDir>>;
let ws: Awaited<ReturnType<typeof copyWorkspace>>;
beforeAll(async () => {
  reports = await tempDir('railgate-setup-');
  ws = await copyWorkspace();
  await ws.edit('partners/pixpay.yaml', /\nreadiness:/, `\nsetup:\n  - call: listPayouts\n    query: { reference: '\${webhooks.url}' }\n    expect: { status: 418 }\nreadiness:`);
});
afterAll(async () => {
  await reports.dispose();
  await ws.dispose();
});

describe('profile setup', () => {
  it('runs before the checks with ${webhooks.url} filled, and a failing step fails them at the line of the expectation that failed', async () => {
    const r = await runCli(['run', '--partner', 'pixpay', '--scenario', 'payout-webhook', '--reports', reports.dir], { cwd: ws.dir });
    expect(r.code).toBe(1);
    const out = r.stdout + r.stderr;
    expect(out).toMatch(/partners\/pixpay\.yaml:\d+:15 {2}\[partner-defect\] step 1 \(listPayouts\): expected status 418, got 200/);
  }, 120_000);
});
