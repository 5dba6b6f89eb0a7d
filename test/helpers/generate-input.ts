import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRng } from '../../src/random/index.ts';

/**
 * The bad-input corpus's generated files: what is too large, too deep or not text to commit, made at test time
 * from a recipe in the case's case.yaml. Each recipe writes `file` (relative to the workspace); `padded`,
 * `unknown-keys` and `encode` start from the file as the case laid it (or the workspace holds it).
 */
export type Recipe =
  | { file: string; kind: 'padded'; size: string }
  | { file: string; kind: 'unknown-keys'; size: string }
  | { file: string; kind: 'nested-flow' | 'nested-block'; depth: number; key: string }
  | { file: string; kind: 'random-bytes'; size: string; seed: number }
  | { file: string; kind: 'encode'; as: 'latin1' | 'utf16le' | 'crlf-bom' }
  | { file: string; kind: 'directory' };

export async function generateInput(root: string, recipe: Recipe): Promise<void> {
  const file = path.join(root, recipe.file);
  const text = (): Promise<string> => readFile(file, 'utf8');
  switch (recipe.kind) {
    case 'padded':
      return writeFile(file, fill(await text(), bytesOf(recipe.size), () => `# ${'padding '.repeat(12)}\n`));
    case 'unknown-keys': {
      let n = 0;
      return writeFile(file, fill(await text(), bytesOf(recipe.size), () => `unknownKey${n++}: 1\n`));
    }
    case 'nested-flow':
      return writeFile(file, `${recipe.key}: ${'['.repeat(recipe.depth)}${']'.repeat(recipe.depth)}\n`);
    case 'nested-block':
      return writeFile(file, `${recipe.key}:\n${Array.from({ length: recipe.depth }, (_, i) => `${'  '.repeat(i + 1)}level${i + 1}:`).join('\n')} 1\n`);
    case 'random-bytes':
      return writeFile(file, randomBytes(bytesOf(recipe.size), recipe.seed));
    case 'encode':
      return writeFile(file, encode(await text(), recipe.as));
    case 'directory':
      await rm(file, { force: true });
      await mkdir(file);
      return writeFile(path.join(file, 'README'), 'a folder where a file belongs\n');
  }
}

/** `text`, then lines from `line` until the whole is at least `size` bytes (one string: the sizes are tens of MB at most). */
function fill(text: string, size: number, line: () => string): string {
  const parts = [text];
  let length = Buffer.byteLength(text);
  while (length < size) {
    const l = line();
    parts.push(l);
    length += Buffer.byteLength(l);
  }
  return parts.join('');
}

function encode(text: string, as: 'latin1' | 'utf16le' | 'crlf-bom'): Buffer {
  if (as === 'latin1') return Buffer.from(text, 'latin1');
  if (as === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8')]);
}

/** The same bytes every run (the seeded generator): a golden file can name where the first NUL is. */
function randomBytes(size: number, seed: number): Buffer {
  const rng = createRng(seed);
  return Buffer.from(Array.from({ length: size }, () => rng.int(0, 255)));
}

/** '50MB', '250KB', '300' → bytes (binary units, as the size caps are stated). */
function bytesOf(size: string): number {
  const m = /^(\d+)\s*(MB|KB)?$/.exec(size);
  if (!m) throw new Error(`not a size: ${size}`);
  return Number(m[1]) * (m[2] === 'MB' ? 1024 * 1024 : m[2] === 'KB' ? 1024 : 1);
}
