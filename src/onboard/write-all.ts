import { randomBytes } from 'node:crypto';
import { copyFile, lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { InputProblem } from '../source/index.ts';

export interface PlannedFile {
  /** Where it goes (relative to the current folder, as shown to the user). */
  file: string;
  /** Its text, or the file it is a copy of. */
  text?: string;
  copyOf?: string;
}

/** The planned files that already exist, each a located problem naming how to replace it. */
export async function existing(files: readonly PlannedFile[]): Promise<InputProblem[]> {
  const out: InputProblem[] = [];
  for (const f of files) {
    const there = await lstat(f.file).then(
      () => true,
      () => false,
    );
    if (there) out.push({ file: f.file, line: 1, col: 1, path: '', message: 'already exists: railgate init does not overwrite it (--force replaces it)' });
  }
  return out;
}

/**
 * Writes every file or none: each is written beside its place under a temporary name, then all are renamed
 * into place. A failure before the renames removes the temporary files; nothing is left half-written.
 */
export async function writeAll(files: readonly PlannedFile[]): Promise<void> {
  const tag = randomBytes(4).toString('hex');
  const staged: Array<{ tmp: string; file: string }> = [];
  try {
    for (const f of files) {
      await mkdir(path.dirname(f.file), { recursive: true });
      const tmp = path.join(path.dirname(f.file), `.${path.basename(f.file)}.${tag}.tmp`);
      staged.push({ tmp, file: f.file });
      if (f.copyOf !== undefined) await copyFile(f.copyOf, tmp);
      else await writeFile(tmp, f.text ?? '', { flag: 'wx' });
    }
  } catch (e) {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
    throw e;
  }
  for (const s of staged) await rename(s.tmp, s.file);
}
