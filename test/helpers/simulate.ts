import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from './workspace.ts';

/** A `railgate simulate` child process, listening. */
export interface SimulateProcess {
  /** The base URL its start-up line gives (origin + the contract's base path). */
  baseUrl: string;
  /** Everything it printed so far. */
  output(): string;
  /** Ends it at once: for afterAll, whatever the tests did. */
  kill(): void;
}

/** tsx as an import hook (what `node --import tsx` loads), resolved from the repository whatever the cwd. */
const TSX = pathToFileURL(path.join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;

/**
 * `railgate simulate` as an engineer starts it, resolved once it says where it listens. One node process,
 * with tsx as an import hook rather than tsx's CLI: that CLI runs the program in a child of its own, which
 * a SIGKILL of the wrapper would leave behind, listening, after the tests. A simulator that does not start
 * is killed before the promise rejects.
 */
export function startSimulate(args: string[], opts: { cwd?: string; startMs?: number; compiled?: boolean } = {}): Promise<SimulateProcess> {
  // `compiled`: as users start it (bin/railgate.mjs, dist/ when current), for the benches.
  const cli = opts.compiled ? [path.join(REPO, 'bin/railgate.mjs')] : ['--import', TSX, path.join(REPO, 'src/cli/main.ts')];
  const child = spawn(process.execPath, [...cli, 'simulate', ...args], {
    cwd: opts.cwd ?? REPO,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  let out = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      kill();
      reject(new Error(`railgate simulate ${args.join(' ')} ${why}:\n${out}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${(opts.startMs ?? 60_000) / 1000} s`), opts.startMs ?? 60_000);
    const seen = (d: Buffer): void => {
      out += d.toString();
      const m = / at (http:\/\/\S+) /.exec(out);
      if (m?.[1] && out.includes('press Ctrl-C')) {
        clearTimeout(timer);
        resolve({ baseUrl: m[1], output: () => out, kill });
      }
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('close', (code) => fail(`exited ${code}`));
  });
}
