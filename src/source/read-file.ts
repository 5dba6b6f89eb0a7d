import { readFile, stat } from 'node:fs/promises';
import { decodeText } from './decode-text.ts';
import { InputError } from './input-error.ts';
import { MAX_FILE_BYTES, formatBytes } from './limits.ts';
import { parseLocatedYaml } from './located-yaml.ts';
import type { LocatedDocument } from './located-yaml.ts';

export interface ReadLimit {
  /** The largest file of this kind railgate reads, in bytes. */
  maxBytes: number;
  /** The kind, in the plural, for the message: "contract files". */
  kind: string;
  /** How the text becomes a document; parseLocatedYaml unless the kind has a faster way (contracts: fast-parse.ts). */
  parse?: (file: string, text: string) => LocatedDocument | Promise<LocatedDocument>;
}

const INPUT_FILES: ReadLimit = { maxBytes: MAX_FILE_BYTES, kind: 'profiles, scenarios and vocabularies' };

/**
 * Reads and parses a YAML/JSON file; whatever keeps it from being read is an input problem, not a crash.
 * The size is checked before a byte is read, so a 50 MB file (or a device that never ends) costs nothing.
 */
export async function readLocatedYaml(file: string, limit: ReadLimit = INPUT_FILES): Promise<LocatedDocument> {
  const fail = (message: string): never => {
    throw new InputError([{ file, line: 1, col: 1, path: '', message }]);
  };
  let bytes: Buffer;
  try {
    const s = await stat(file);
    if (s.isDirectory()) fail('is a directory, expected a file');
    if (!s.isFile()) fail('is not a regular file (a device, a pipe or a socket?)');
    if (s.size > limit.maxBytes) fail(`is ${formatBytes(s.size)}: railgate reads ${limit.kind} of up to ${formatBytes(limit.maxBytes)}`);
    bytes = await readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'file not found' : code === 'ENOTDIR' ? 'file not found (a file stands where a folder of its path belongs)' : `cannot read (${code ?? 'unknown error'})`);
  }
  return (limit.parse ?? parseLocatedYaml)(file, decodeText(file, bytes));
}
