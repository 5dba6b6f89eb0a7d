import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdSimulate } from '../src/cli/cmd-simulate.ts';
import { main } from '../src/cli/main.ts';
import type { Output } from '../src/cli/output.ts';
import { runCli } from './helpers/cli.ts';
import { REPO, tempDir } from './helpers/workspace.ts';

// Issue 15, as a new user meets it: a contract, no profile, any folder. `lint --contract`, then `init`, then `lint`
// on what init wrote, through the real binary; bad input exits 2 with a located message and writes nothing.

const CONTRACT = path.join(REPO, 'test/fixtures/contracts/onboard-acme.yaml');

let ws: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  ws = await tempDir('railgate-cli-init-');
});
afterAll(() => ws.dispose());

/** main() in process, its lines captured (in `cwd` when given; vitest runs this file in a process of its own): the same code as the binary, without a process for each run. */
async function inProcess(args: string[], cwd?: string): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const out: Output = { info: (s) => lines.push(s), error: (s) => lines.push(s), help: () => 0 };
  const was = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    return { code: await main(args, out), out: lines.join('\n') };
  } finally {
    process.chdir(was);
  }
}

describe('railgate lint --contract, init and lint, from a folder with no project in it', () => {
  it('lints the contract alone, writes a profile lint accepts with its TODOs listed, and refuses to overwrite it', async () => {
    const lint = await runCli(['lint', '--contract', CONTRACT], { cwd: ws.dir });
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(0);
    // Grouped by rule, counted, each finding at its place in the contract.
    expect(lint.stdout).toContain('inferred: auth apiKey (ONBOARD_ACME_API_KEY) · idempotency Idempotency-Key on 1 operation · error code at /error/code, 3 documented codes');
    expect(lint.stdout).toMatch(/\nexamples-valid {2}1 · [^\n]+\n {2}\S+onboard-acme\.yaml:41:24 {2}getPayout 200 response example 'default': \/id must be string\n/);
    expect(lint.stdout).toMatch(/\nerror-responses {2}1 · [^\n]+\n {2}\S+onboard-acme\.yaml:51:9 {2}cancelPayout documents no 4xx response\n/);
    expect(lint.stdout).toMatch(/\nsecurity {2}1 · [^\n]+\n {2}\S+onboard-acme\.yaml:46:7 {2}cancelPayout declares no security requirement\n/);
    expect(lint.stdout).toMatch(/\nidempotency-header {2}1 · [^\n]+\n {2}\S+onboard-acme\.yaml:46:7 {2}cancelPayout \(POST \/payouts\/\{payoutId\}\/cancel\) documents no Idempotency-Key header/);
    expect(lint.stdout).toMatch(/4 findings \(examples-valid 1, error-responses 1, security 1, idempotency-header 1\); no errors\. railgate init onboard-acme --contract \S+ writes this profile with \d+ TODOs to settle\./);

    // No project here yet: lint says how to start one.
    const none = await inProcess(['lint'], ws.dir);
    expect(none.code).toBe(2);
    expect(none.out).toMatch(/^partners:1:1 {2}no partners folder: run railgate from the project root, or start one with railgate init <id> --contract FILE \(railgate lint --contract FILE needs no profile\)$/m);

    const init = await runCli(['init', 'acme', '--contract', CONTRACT, '--rail', 'EU-SEPA'], { cwd: ws.dir });
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('wrote  partners/acme.yaml  (12 TODOs)');
    expect(init.stdout).toContain('copied contracts/acme/onboard-acme.yaml');
    expect(init.stdout).toContain('wrote  suites/acme/payout-create-read.yaml');

    const after = await inProcess(['lint'], ws.dir);
    expect(after.code).toBe(0);
    const todos = after.out.split('\n').filter((l) => /^partners\/acme\.yaml:\d+:\d+ {2}TODO /.test(l));
    expect(todos).toHaveLength(12);
    expect(todos).toContain('partners/acme.yaml:36:43  TODO confirm (createPayout 422 enum)  (warning)');
    expect(todos).toContain("partners/acme.yaml:62:5  TODO confirm: guessed from the names of the contract's /status values (PENDING, PAID, FAILED); the contract does not say their order  (warning)");
    expect(todos.some((l) => l.includes('TODO confirm: the contract says "Sandbox: an amount of 999999 is refused with INSUFFICIENT_FUNDS."'))).toBe(true);
    expect(after.out).toMatch(/ok {2}acme: profile partners\/acme\.yaml, contract contracts\/acme\/onboard-acme\.yaml \(3 operations\), 1 scenario\n1 partner, no errors, 15 warnings/);

    // Again: every file that is there is named, and nothing is replaced.
    const profile = await readFile(path.join(ws.dir, 'partners/acme.yaml'), 'utf8');
    const again = await runCli(['init', 'acme', '--contract', CONTRACT], { cwd: ws.dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^partners\/acme\.yaml:1:1 {2}already exists: railgate init does not overwrite it \(--force replaces it\)$/m);
    expect(again.stderr).toMatch(/^suites\/acme\/payout-create-read\.yaml:1:1 {2}already exists/m);
    expect(again.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(path.join(ws.dir, 'partners/acme.yaml'), 'utf8')).toBe(profile);
  });

  it('bad input: exit 2, said plainly or located, and nothing written', async () => {
    const dir = path.join(ws.dir, 'bad');
    const cases: Array<[string[], RegExp]> = [
      [['init', '--contract', CONTRACT, '--dir', dir], /railgate: give the partner id: railgate init <id> --contract FILE/],
      [['init', 'Acme_1', '--contract', CONTRACT, '--dir', dir], /the partner id must be lower-case letters, digits and dashes/],
      [['init', 'acme', '--dir', dir], /--contract FILE is required/],
      [['init', 'acme', '--contract', CONTRACT, '--rail', 'sepa', '--dir', dir], /--rail must be a rail code like BR-PIX/],
      [['init', 'acme', '--contract', path.join(dir, 'nope.yaml'), '--dir', dir], /nope\.yaml:1:1 {2}file not found/],
      [['init', 'acme', '--contract', CONTRACT, '--dir', CONTRACT], /--dir \S+onboard-acme\.yaml is a file, not a folder/],
      // A break lenient loading cannot relax: a $ref to a file that is not there.
      [['init', 'acme', '--contract', path.join(REPO, 'test/fixtures/contracts/split-missing/main.yaml'), '--dir', dir], /main\.yaml:21:31 {2}\S+: \$ref names a file that does not exist: \S+errors\.yaml/],
      [['lint', '--contract', path.join(dir, 'nope.yaml')], /nope\.yaml:1:1 {2}file not found/],
      [['lint', '--contract', path.join(REPO, 'test/fixtures/contracts/refused.yaml')], /refused\.yaml:27:16 {2}components\.schemas\.Amount\.minimum: railgate cannot validate against this schema/],
      [['lint', '--contract', CONTRACT, '--partner', 'pixpay'], /give --partner or --contract, not both/],
      [['simulate', '--contract', CONTRACT, '--partner', 'pixpay'], /give --partner or --contract, not both/],
    ];
    for (const [args, message] of cases) {
      const r = await inProcess(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toMatch(message);
      expect(r.out).not.toMatch(/internal error|\n\s+at /);
    }
    expect(existsSync(dir) ? await readdir(dir) : []).toEqual([]);
  });
});

describe('railgate simulate --contract', () => {
  it('serves the contract with no profile and prints test credentials it accepts, and refuses a request without them', async () => {
    const lines: string[] = [];
    let ready: () => void = () => {};
    const started = new Promise<void>((resolve) => (ready = resolve));
    const out: Output = { info: (l) => (lines.push(l), l.startsWith('press Ctrl-C') && ready()), error: (l) => lines.push(l), help: () => 0 };
    let stop: () => void = () => {};
    const done = cmdSimulate(['--contract', CONTRACT], out, new Promise<void>((resolve) => (stop = resolve)));
    await Promise.race([started, done, new Promise((_, reject) => setTimeout(() => reject(new Error(`simulate did not start:\n${lines.join('\n')}`)), 20_000))]);
    try {
      const baseUrl = /at (http:\/\/127\.0\.0\.1:\d+\S*)/.exec(lines[0] ?? '')?.[1];
      const credential = /^test credential ONBOARD_ACME_API_KEY=(\S+)$/m.exec(lines.join('\n'))?.[1];
      expect(baseUrl, lines.join('\n')).toBeDefined();
      expect(credential).toBe('test_railgate_simulator_onboard_acme_api_key');
      const get = (headers: Record<string, string>) => fetch(`${baseUrl}/payouts/po_1`, { headers, signal: AbortSignal.timeout(10_000) });
      expect((await get({})).status).toBe(401);
      expect([200, 404]).toContain((await get({ 'x-acme-key': credential as string })).status);
    } finally {
      stop();
      expect(await done).toBe(0);
    }
  });
});
