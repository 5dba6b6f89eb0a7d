import { fileURLToPath } from 'node:url';
import { readLocatedYaml } from '../source/index.ts';
import { parseVocabulary } from './vocabulary.ts';
import type { Vocabulary } from './types.ts';

// The I/O edge of the vocabulary.

export const DEFAULT_VOCABULARY_PATH = fileURLToPath(new URL('../../vocabulary/canonical-codes.yaml', import.meta.url));

let shipped: Promise<Vocabulary> | undefined;

/** Reads and validates a vocabulary file; the shipped one (no `path`) is read once and cached.
 *  Rejects with InputError, every problem at its `file:line:col`. */
export function loadVocabulary(path?: string): Promise<Vocabulary> {
  if (path === undefined) return (shipped ??= readVocabulary(DEFAULT_VOCABULARY_PATH));
  return readVocabulary(path);
}

async function readVocabulary(path: string): Promise<Vocabulary> {
  const doc = await readLocatedYaml(path);
  return parseVocabulary(doc.data, doc);
}
