import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadPartner } from '../../src/partner/index.ts';
import type { Partner } from '../../src/partner/index.ts';

export const REPO = path.resolve(import.meta.dirname, '../..');

/** A throw-away copy of the example workspace (contracts, partners, suites), to break on purpose. */
export async function copyWorkspace(): Promise<{ dir: string; edit(file: string, from: string | RegExp, to: string): Promise<void>; write(file: string, text: string): Promise<void>; dispose(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'railgate-ws-'));
  for (const d of ['contracts', 'partners', 'suites']) await cp(path.join(REPO, d), path.join(dir, d), { recursive: true });
  return {
    dir,
    async edit(file, from, to) {
      const f = path.join(dir, file);
      const text = await readFile(f, 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`edit of ${file} changed nothing`);
      await writeFile(f, next);
    },
    write: (file, text) => writeFile(path.join(dir, file), text),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A temp folder that is removed afterwards. */
export async function tempDir(prefix = 'railgate-'): Promise<{ dir: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** One of the example partners, loaded as `railgate run` loads it, from any working directory. */
export function loadExamplePartner(id: string): Promise<Partner> {
  return loadPartner(path.join(REPO, 'partners', `${id}.yaml`), REPO);
}
