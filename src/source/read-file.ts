import { readFile } from 'node:fs/promises';
import { InputError } from './input-error.ts';
import { parseLocatedYaml } from './located-yaml.ts';
import type { LocatedDocument } from './located-yaml.ts';

/** Reads and parses a YAML/JSON file; a missing file is an input problem, not a crash. */
export async function readLocatedYaml(file: string): Promise<LocatedDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, expected a file' : `cannot read (${code ?? 'unknown error'})`;
    throw new InputError([{ file, line: 1, col: 1, path: '', message: why }]);
  }
  return parseLocatedYaml(file, text);
}
