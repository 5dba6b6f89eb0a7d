import { generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialRefs } from '../src/credentials/refs.ts';
import { luhn } from '../src/redact/card-data.ts';
import { runCli } from './helpers/cli.ts';
import type { CliResult } from './helpers/cli.ts';
import { startSimulate } from './helpers/simulate.ts';
import type { SimulateProcess } from './helpers/simulate.ts';
import { copyWorkspace, loadExamplePartner, tempDir } from './helpers/workspace.ts';

// Issue 12, item 4: canary secrets where the profiles read them and canary card numbers in the fixtures, two
// runs, then everything they wrote or printed is searched for the canaries in plain, base64, hex and
// URL-encoded form: zero hits. Run 1 is the whole example suite against the embedded simulators (which verify
// with the canaries), EuroCard's echoing the cards back. Run 2 is EuroCard as a sandbox that does not know the canary key and quotes it back in
// every 401 (`reflect-credentials`: JSON, and text/plain with its base64), the leak the issue found; it runs
// the transactions and auth families (a sandbox run is on real time: the whole of it would cost more).

const PARTNERS = ['eurocard', 'lionbank', 'pixpay'];

interface Canary {
  name: string;
  value: string;
}

const secrets: Canary[] = [];
const cards: Canary[] = [];
const outputs: Array<{ name: string; text: string }> = [];
const cleanups: Array<() => Promise<void> | void> = [];
let reportsDir: string;
let workspace: Awaited<ReturnType<typeof copyWorkspace>>;

/** A random card number with a brand's prefix and the last four the fixtures' expectations name, Luhn-valid. */
function canaryPan(prefix: string, last4: string): string {
  for (;;) {
    const middle = Array.from({ length: 16 - prefix.length - 4 }, () => randomInt(10)).join('');
    const pan = `${prefix}${middle}${last4}`;
    if (luhn(pan)) return pan;
  }
}

/** A value of the same kind as the test credential it replaces: a key where a key is expected. */
function canarySecret(name: string, current: string | undefined): string {
  if (current?.trimStart().startsWith('{')) return JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }));
  // `/+=` make the URL-encoded form differ from the plain one, and the base64 alphabets from each other.
  return `canary-${name.toLowerCase().replace(/_/g, '-')}-${randomBytes(12).toString('hex')}/+=`;
}

/** Every secret credential of every example profile gets a canary, in the workspace's simulator test credentials. */
async function plantSecrets(): Promise<void> {
  for (const id of PARTNERS) {
    const { profile } = await loadExamplePartner(id);
    const test = profile.environments.simulator?.testCredentials ?? {};
    for (const ref of credentialRefs(profile).filter((r) => r.secret)) {
      const value = canarySecret(ref.name, test[ref.name]);
      secrets.push({ name: ref.name, value });
      await workspace.edit(`partners/${id}.yaml`, new RegExp(`(\\n\\s+${ref.name}: ).*`), `$1'${value}'`);
    }
  }
}

/** The example cards of the contract and the scenarios become canaries with the same brand prefix and last four. */
async function plantCards(): Promise<void> {
  const fixtures: Array<[string, string]> = [
    ['contracts/eurocard/eurocard.openapi.yaml', "number: '4242424242424242'"],
    ['suites/eurocard/authorize-void.yaml', "number: '5555555555554444'"],
    ['suites/eurocard/jpy-exponent-zero.yaml', "number: '3566002020360505'"],
  ];
  for (const [file, written] of fixtures) {
    const real = /'(\d+)'/.exec(written)![1]!;
    const pan = canaryPan(real.slice(0, 2), real.slice(-4));
    cards.push({ name: `card in ${file}`, value: pan });
    await workspace.edit(file, written, `number: '${pan}'`);
  }
}

/** The forms the issue names: plain, base64 (both alphabets, padded or not), hex, URL-encoded; a JWK's private part too. */
function forms(canary: Canary): Array<[string, string]> {
  const bytes = Buffer.from(canary.value);
  const all: Array<[string, string]> = [
    ['plain', canary.value],
    ['base64', bytes.toString('base64').replace(/=+$/, '')],
    ['base64url', bytes.toString('base64url')],
    ['hex', bytes.toString('hex')],
    ['HEX', bytes.toString('hex').toUpperCase()],
    ['URL-encoded', encodeURIComponent(canary.value)],
  ];
  if (canary.value.startsWith('{')) all.push(['JWK d', (JSON.parse(canary.value) as { d: string }).d]);
  return all;
}

/** Each canary form found in a text, as `<where>: <canary> (<form>)`. */
function hits(where: string, text: string): string[] {
  return [...secrets, ...cards].flatMap((c) => forms(c).filter(([, f]) => text.includes(f)).map(([form]) => `${where}: ${c.name} (${form})`));
}

async function filesUnder(dir: string): Promise<Array<{ name: string; text: string }>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((e) => e.isFile()).map(async (e) => ({ name: path.relative(dir, path.join(e.parentPath, e.name)), text: await readFile(path.join(e.parentPath, e.name), 'utf8') })));
}

function keep(name: string, r: CliResult): CliResult {
  outputs.push({ name: `${name} stdout`, text: r.stdout }, { name: `${name} stderr`, text: r.stderr });
  return r;
}

/** EuroCard's simulator with its own test credentials, so the canary key is refused, and quoted back. */
async function reflectingSandbox(): Promise<void> {
  const sim: SimulateProcess = await startSimulate(['--partner', 'eurocard', '--defect', 'reflect-credentials'], { startMs: 45_000 });
  cleanups.push(() => sim.kill());
  await workspace.edit('partners/eurocard.yaml', /(\n {2}sandbox:\n {4}baseUrl: )\S+/, `$1${sim.baseUrl}`);
  const env = Object.fromEntries(secrets.filter((s) => s.name.startsWith('EUROCARD_')).map((s) => [s.name, s.value]));
  const run = async (family: string): Promise<void> => {
    keep(`sandbox ${family}`, await runCli(['run', '--env', 'sandbox', '--partner', 'eurocard', '--family', family, '--no-html', '--reports', path.join(reportsDir, `sandbox-${family}`)], { cwd: workspace.dir, env, timeoutMs: 150_000 }));
  };
  // The profile's setup (registering the receiver) meets the first refusal, and every check fails with it.
  await run('transactions');
  // Without the setup each auth check calls the partner itself: a refusal of its own, JSON and text/plain alike.
  await workspace.edit('partners/eurocard.yaml', /\nsetup:\n[\s\S]*?\n(?=readiness:)/, '\n');
  await run('auth');
}

beforeAll(async () => {
  const reports = await tempDir('railgate-canary-');
  cleanups.push(reports.dispose);
  reportsDir = reports.dir;
  workspace = await copyWorkspace();
  cleanups.push(workspace.dispose);
  await plantSecrets();
  await plantCards();
  // EuroCard's simulator also echoes the cards it is sent (reads, lists, webhook payloads): the reports show those
  // as the checks saw them, through the same redaction.
  keep('simulator', await runCli(['run', '--defect', 'card-data-echoed', '--reports', path.join(reportsDir, 'simulator')], { cwd: workspace.dir }));
  await reflectingSandbox();
}, 400_000);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('canary secrets and card numbers', () => {
  it('were planted and used: the runs ran, the sandbox quoted the key back, the cards came back from EuroCard', async () => {
    expect(secrets.map((s) => s.name).sort()).toEqual([
      'EUROCARD_API_KEY',
      'EUROCARD_WEBHOOK_SECRET',
      'LIONBANK_CLIENT_SECRET',
      'LIONBANK_SIGNING_KEY',
      'LIONBANK_WEBHOOK_KEY',
      'PIXPAY_HMAC_SECRET',
      'PIXPAY_WEBHOOK_SECRET',
    ]);
    const simulator = outputs.find((o) => o.name === 'simulator stdout')!.text;
    expect(simulator).toMatch(/NO-GO\s+eurocard\s+- contract: 1 check failed \(pci: [^)]*\)\n\s*GO\s+lionbank\s+GO\s+pixpay/);
    expect(existsSync(path.join(reportsDir, 'simulator', 'allure-report', 'index.html'))).toBe(true);
    const sandbox = await filesUnder(path.join(reportsDir, 'sandbox-auth'));
    // The partner did reflect: its quote of the key survives, the key does not.
    expect(sandbox.some((f) => f.text.includes("invalid API key '[redacted]'"))).toBe(true);
    expect(sandbox.some((f) => /API key \(base64\) \[redacted\]/.test(f.text))).toBe(true);
    const simulatorReports = (await filesUnder(path.join(reportsDir, 'simulator'))).map((f) => f.text).join('\n');
    for (const card of cards) expect(simulatorReports, card.name).toContain(`************${card.value.slice(-4)}`);
  });

  it('the scan finds a canary where one is (the workspace profiles hold them in plain)', async () => {
    const profiles = await filesUnder(path.join(workspace.dir, 'partners'));
    expect(profiles.flatMap((f) => hits(f.name, f.text)).length).toBeGreaterThanOrEqual(secrets.length);
  });

  it('appear nowhere in the reports, stdout or stderr: plain, base64, hex or URL-encoded', async () => {
    const written = await filesUnder(reportsDir);
    expect(written.length).toBeGreaterThan(100);
    expect([...written, ...outputs].flatMap((f) => hits(f.name, f.text))).toEqual([]);
  });
});
