import { rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface StagedReports {
  /** Where this run writes every report; moved into the reports folder by commit(). */
  readonly dir: string;
  /** Moves each report the run wrote over its previous copy (a rename each), then removes the staging folder. */
  commit(): Promise<void>;
  /** Removes the staging folder and stops listening for Ctrl-C: the previous reports stay as they were. */
  dispose(): Promise<void>;
}

/**
 * A run writes its reports aside, in a hidden folder inside the reports folder, and moves them in only when
 * all are written. Ctrl-C (or SIGTERM) before that ends the run with a message and exit 130, the staging
 * folder removed and the previous reports as they were: never a fresh junit.xml beside an empty readiness/.
 * During the moves themselves a signal waits for them to finish. vitest exits the process on SIGINT on its
 * own; the `exit` listener removes the staging folder then too.
 */
export async function stageReports(reportsDir: string, say: (line: string) => void): Promise<StagedReports> {
  await mkdir(reportsDir, { recursive: true });
  const dir = await mkdtemp(path.join(reportsDir, '.run-'));
  await carryHistory(reportsDir, dir);
  let committing = false;
  let signalled: NodeJS.Signals | undefined;
  const interrupted = (signal: NodeJS.Signals): void => {
    if (committing) {
      signalled = signal;
      return;
    }
    say(`railgate: interrupted (${signal}): this run's reports were not written; ${reportsDir} is as the previous run left it`);
    process.exit(130);
  };
  const cleanUp = (): void => rmSync(dir, { recursive: true, force: true });
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  process.once('exit', cleanUp);
  const stopListening = (): void => {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    process.off('exit', cleanUp);
  };
  return {
    dir,
    async commit() {
      committing = true;
      for (const entry of await readdir(dir)) {
        await rm(path.join(reportsDir, entry), { recursive: true, force: true });
        await rename(path.join(dir, entry), path.join(reportsDir, entry));
      }
      await rm(dir, { recursive: true, force: true });
      stopListening();
      if (signalled) {
        say(`railgate: interrupted (${signalled}) as the reports were being moved in: they are complete in ${reportsDir}`);
        process.exit(130);
      }
    },
    async dispose() {
      stopListening();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The Allure history of the runs before (allurerc.json `historyPath`): the next report adds to it, so trends show. */
export const HISTORY_FILE = 'history.jsonl';

export async function carryHistory(from: string, to: string): Promise<void> {
  await copyFile(path.join(from, HISTORY_FILE), path.join(to, HISTORY_FILE)).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
}
