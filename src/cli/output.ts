import { HELP } from './usage.ts';

/** Where the CLI writes: stdout for results, stderr for problems. One place, so tests can capture it. */
export interface Output {
  info(s: string): void;
  error(s: string): void;
  help(command: string): number;
}

export const consoleOutput: Output = {
  info: (s) => process.stdout.write(s + '\n'),
  error: (s) => process.stderr.write(s + '\n'),
  help(command) {
    process.stdout.write((HELP[command] ?? HELP.main) + '\n');
    return 0;
  },
};
