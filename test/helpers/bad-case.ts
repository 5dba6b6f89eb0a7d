import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO, tempDir } from './workspace.ts';
import { generateInput } from './generate-input.ts';
import type { Recipe } from './generate-input.ts';

/**
 * One case of the bad-input corpus (test/fixtures/bad/<case>/): the files it puts in place of the corpus
 * workspace's (test/fixtures/bad/_workspace: partner `acme`), the files it removes or generates at test time
 * (anything large: a 50 MB file is a recipe, never committed), the command, and `expected`, the golden file.
 */
export interface BadCase {
  name: string;
  dir: string;
  /** One line: what is broken. */
  about: string;
  args: string[];
  remove: string[];
  generate: Recipe[];
  /** Also run as a child process, as a user would: exit code, stderr, no stack trace, memory bounded. */
  spawn: boolean;
}

export const BAD = path.join(REPO, 'test/fixtures/bad');
const WORKSPACE = path.join(BAD, '_workspace');
/** What a case folder holds besides the files it lays over the workspace. */
const OWN = new Set(['case.yaml', 'expected']);

export async function listCases(): Promise<BadCase[]> {
  const names = (await readdir(BAD)).filter((n) => !n.startsWith('_')).sort();
  return Promise.all(
    names.map(async (name) => {
      const dir = path.join(BAD, name);
      const spec = parse(await readFile(path.join(dir, 'case.yaml'), 'utf8')) as Partial<BadCase>;
      if (!spec.about || !Array.isArray(spec.args)) throw new Error(`${name}/case.yaml needs about and args`);
      return { name, dir, about: spec.about, args: spec.args.map(String), remove: spec.remove ?? [], generate: spec.generate ?? [], spawn: spec.spawn === true };
    }),
  );
}

/** A throw-away workspace: the corpus workspace, the case's files laid over it, its removals and recipes applied. */
export async function prepareCase(c: BadCase): Promise<{ dir: string; dispose(): Promise<void> }> {
  const ws = await tempDir('railgate-bad-');
  await cp(WORKSPACE, ws.dir, { recursive: true });
  for (const entry of await readdir(c.dir)) if (!OWN.has(entry)) await cp(path.join(c.dir, entry), path.join(ws.dir, entry), { recursive: true });
  for (const file of c.remove) await rm(path.join(ws.dir, file), { recursive: true, force: true });
  for (const recipe of c.generate) {
    await mkdir(path.dirname(path.join(ws.dir, recipe.file)), { recursive: true });
    await generateInput(ws.dir, recipe);
  }
  return ws;
}

/** What a user sees, as the golden file holds it: the command, stderr, stdout if any, the exit code. */
export function transcript(c: BadCase, r: { code: number; stdout: string; stderr: string }): string {
  const stdout = r.stdout ? `--- stdout\n${r.stdout}` : '';
  return `$ railgate ${c.args.join(' ')}\n${r.stderr}${stdout}exit ${r.code}\n`;
}

export async function readGolden(c: BadCase): Promise<string | undefined> {
  return readFile(path.join(c.dir, 'expected'), 'utf8').catch(() => undefined);
}

export function writeGolden(c: BadCase, text: string): Promise<void> {
  return writeFile(path.join(c.dir, 'expected'), text);
}
