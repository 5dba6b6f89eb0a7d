import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/index.ts';
import type { Output } from '../src/cli/index.ts';
import { listCases, prepareCase, readGolden, transcript, writeGolden } from './helpers/bad-case.ts';
import { runCli } from './helpers/cli.ts';
import { REPO } from './helpers/workspace.ts';

// Issue 12, item 2: every broken input a user can give railgate — YAML that does not parse, keys that do not
// exist, names the contract or profile lacks, secrets written out, files too large, too deep, not text —
// ends in a located message and exit 2: no stack trace, nothing in reports/, within a second.
// Each case in test/fixtures/bad/<case>/ holds its files and its `expected` output; RAILGATE_UPDATE_GOLDEN=1
// rewrites the goldens, to be read in the diff before committing. The corpus runs in this process (main is
// the CLI without its process); the cases marked `spawn` run again as the real CLI, memory capped.

const UPDATE = Boolean(process.env.RAILGATE_UPDATE_GOLDEN);
/** CPU time a case may take (user + system): the goal is a second on an idle machine, and CPU time does not grow with load. */
const CPU_BUDGET_MS = 1000;
/** Heap a spawned case may have: a `lint` of the corpus's partner needs about 60 MB; a bomb expanded would need gigabytes. */
const HEAP_CAP_MB = 192;

const cases = await listCases();

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
  cpuMs: number;
}

/** main(args) with its output captured, in the case's workspace; the signal listeners `simulate` leaves are removed. */
async function inProcess(args: string[], cwd: string): Promise<Captured> {
  const lines = { stdout: '', stderr: '' };
  const out: Output = {
    info: (s) => void (lines.stdout += s + '\n'),
    error: (s) => void (lines.stderr += s + '\n'),
    help: () => 0,
  };
  const listening = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const before = process.cwd();
  process.chdir(cwd);
  const cpu = process.cpuUsage();
  try {
    const code = await main(args, out);
    const used = process.cpuUsage(cpu);
    return { code, ...lines, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    process.chdir(before);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) for (const l of process.listeners(signal)) if (!listening[signal].includes(l)) process.removeListener(signal, l);
  }
}

beforeAll(async () => {
  for (const name of Object.keys(process.env)) if (name.startsWith('ACME_')) delete process.env[name];
  // Module loading and the first schema compile are paid once, not by the first case.
  // The corpus workspace as it is must lint clean: each case breaks one thing in it.
  const clean = await inProcess(['lint'], path.join(REPO, 'test/fixtures/bad/_workspace'));
  expect(clean).toMatchObject({ code: 0, stderr: '' });
  for (const args of [['run', '--help'], ['simulate', '--help']]) await inProcess(args, REPO);
});

describe('the bad-input corpus (test/fixtures/bad)', () => {
  it('has every kind of case the issue lists, and at least 45 in all', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    for (const kind of ['profile-', 'scenario-', 'contract-', 'cli-']) expect(cases.filter((c) => c.name.startsWith(kind)).length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const ws = await prepareCase(c);
    try {
      const r = await inProcess(c.args, ws.dir);
      const output = transcript(c, r);
      if (UPDATE) await writeGolden(c, output);
      expect(output).toBe(await readGolden(c));
      expect(output).not.toMatch(/\n\s+at |internal error/);
      // Bad input is refused before anything is written.
      expect(existsSync(path.join(ws.dir, 'reports'))).toBe(false);
      expect(r.cpuMs).toBeLessThan(CPU_BUDGET_MS);
    } finally {
      await ws.dispose();
    }
  });
});

describe('the same, from outside: the real CLI in its own process', () => {
  let spawned: Map<string, { code: number; stdout: string; stderr: string }>;
  const outside = cases.filter((c) => c.spawn);

  beforeAll(async () => {
    // All at once: each waits mostly on its own start-up.
    const runs = await Promise.all(
      outside.map(async (c) => {
        const ws = await prepareCase(c);
        try {
          return [c.name, await runCli(c.args, { cwd: ws.dir, env: { NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` }, timeoutMs: 60_000 })] as const;
        } finally {
          await ws.dispose();
        }
      }),
    );
    spawned = new Map(runs);
  });

  it.each(outside.map((c) => [c.name, c] as const))('%s: the golden output and exit code, no stack trace, heap capped', async (_name, c) => {
    const r = spawned.get(c.name)!;
    expect(transcript(c, r)).toBe(await readGolden(c));
    expect(r.stderr).not.toMatch(/\n\s+at |internal error|heap out of memory/);
  });
});
