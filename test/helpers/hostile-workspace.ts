import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readiness } from '../../src/readiness/index.ts';
import { runCli } from './cli.ts';
import type { CliResult } from './cli.ts';
import { copyWorkspace, loadExamplePartner } from './workspace.ts';

export interface HostileRun extends CliResult {
  ready: Readiness;
  /** Every file the run wrote under its reports folder, with its size. */
  reports: string;
}

/**
 * The example workspace with PixPay's sandbox pointed at a hostile loopback server: `sandbox` is the YAML
 * of the environment's other keys (timeouts, runTimeout, webhookUrl …), indented as under `sandbox:`.
 * Runs are through the CLI, as a user runs them, with the simulator's test credentials as the sandbox's.
 */
export async function hostileWorkspace(origin: string, sandbox: string, profileExtra = ''): Promise<{ run(args: string[], reports: string, timeoutMs: number): Promise<HostileRun>; dispose(): Promise<void> }> {
  const ws = await copyWorkspace();
  await ws.edit('partners/pixpay.yaml', /(\n {2}sandbox:\n {4}baseUrl: )\S+/, `$1${origin}/v2\n${sandbox.trimEnd()}`);
  if (profileExtra) await ws.edit('partners/pixpay.yaml', /\ntimeouts:\n/, `\n${profileExtra.trimEnd()}\ntimeouts:\n`);
  const { profile } = await loadExamplePartner('pixpay');
  const env = { ...profile.environments.simulator?.testCredentials };
  return {
    async run(args, reports, timeoutMs) {
      const r = await runCli(['run', '--env', 'sandbox', '--partner', 'pixpay', '--no-html', '--reports', reports, ...args], { cwd: ws.dir, env, timeoutMs });
      const ready = JSON.parse(await readFile(path.join(reports, 'readiness', 'pixpay.json'), 'utf8')) as Readiness;
      return { ...r, ready, reports };
    },
    dispose: ws.dispose,
  };
}
