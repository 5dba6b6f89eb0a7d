// The compiled CLI (docs/decisions/compiled-cli.md): what the build makes runs a command with the files railgate reads
// beside its sources (schemas, vocabulary), and a build whose sources changed since is never taken as current.
import { statSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { staleness } from '../bin/build-state.mjs';
import { buildCli } from '../scripts/build.ts';
import type { Output } from '../src/cli/output.ts';
import { tempDir } from './helpers/workspace.ts';

describe('the compiled CLI', () => {
  let tmp: { dir: string; dispose(): Promise<void> };
  beforeAll(async () => {
    tmp = await tempDir('railgate-build-');
  });
  afterAll(() => tmp.dispose());

  test('a build lints the example partners as the TypeScript does', async () => {
    const outdir = path.join(tmp.dir, 'dist');
    expect(await buildCli(outdir)).toBeGreaterThan(100);
    const { main } = (await import(pathToFileURL(path.join(outdir, 'main.js')).href)) as { main: (argv: string[], out: Output) => Promise<number> };
    const lines: string[] = [];
    const out: Output = { info: (s) => lines.push(s), error: (s) => lines.push(`error: ${s}`), help: () => 0 };
    expect(await main(['lint', '--partner', 'pixpay'], out)).toBe(0);
    expect(lines.at(-1)).toBe('1 partner, no errors');
  });

  test('a build is current until a file it was made from changes, and then says which', async () => {
    const root = path.join(tmp.dir, 'pkg');
    await mkdir(path.join(root, 'dist'), { recursive: true });
    await mkdir(path.join(root, 'src'));
    await writeFile(path.join(root, 'src/a.ts'), 'export const a = 1;\n');
    const url = pathToFileURL(root + path.sep);
    expect(staleness(url)).toBe('not built');
    const s = statSync(path.join(root, 'src/a.ts'));
    await writeFile(path.join(root, 'dist/manifest.json'), JSON.stringify({ inputs: { 'src/a.ts': { size: s.size, mtimeMs: s.mtimeMs } } }));
    expect(staleness(url)).toBeUndefined();
    // An older time is a change too: a checkout of an earlier commit.
    await utimes(path.join(root, 'src/a.ts'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(staleness(url)).toBe('src/a.ts changed');
    await writeFile(path.join(root, 'dist/manifest.json'), JSON.stringify({ inputs: { 'src/gone.ts': { size: 1, mtimeMs: 1 } } }));
    expect(staleness(url)).toBe('src/gone.ts is gone');
  });
});
