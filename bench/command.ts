// A command a bench times: run to its end (or killed at its deadline, exit -1), its output and wall time kept.
import { spawn } from 'node:child_process';

export interface CommandRun {
  code: number;
  out: string;
  wallMs: number;
}

export function runCommand(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; deadlineMs: number }): Promise<CommandRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...opts.env } });
    const deadline = setTimeout(() => child.kill('SIGKILL'), opts.deadlineMs);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      clearTimeout(deadline);
      resolve({ code: code ?? -1, out, wallMs: performance.now() - t0 });
    });
  });
}
