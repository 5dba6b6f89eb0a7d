import { statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './args.ts';

/**
 * `--reports DIR` (default `reports`): a folder railgate may create or write into. A file in its place, or
 * in place of a folder above it (`--reports README.md`), is a usage error before anything runs — found after
 * a run, it cost the run and ended in "internal error: ENOTDIR"; and `report --merge` replaces the folder whole.
 */
export function reportsOption(v: unknown): string {
  const dir = (v as string | undefined) ?? 'reports';
  const target = path.resolve(dir);
  for (let at = target; ; at = path.dirname(at)) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(at).isDirectory();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // ENOTDIR: a file stands somewhere above; walking up finds it and names it.
      if ((code === 'ENOENT' || code === 'ENOTDIR') && path.dirname(at) !== at) continue;
      throw new UsageError(`--reports ${dir}: cannot use this folder (${code ?? String(e)})`);
    }
    if (isDirectory) return dir;
    throw new UsageError(at === target ? `--reports ${dir} is a file: give a folder for the reports (readiness/, junit.xml, allure-results/)` : `--reports ${dir}: ${path.relative(process.cwd(), at) || at} is a file, not a folder`);
  }
}
