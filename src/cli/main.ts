import { closest } from '../source/closest.ts';
import { InputError, formatInputProblem } from '../source/input-error.ts';
import { UsageError } from './args.ts';
import { consoleOutput } from './output.ts';
import type { Output } from './output.ts';

const MAX_PRINTED = 100;
const COMMANDS = ['run', 'report', 'lint', 'init', 'sign', 'webhook', 'simulate'];

function commandHint(command: string): string {
  const hint = closest(command, COMMANDS);
  return hint ? ` (did you mean '${hint}'?)` : ` (commands: ${COMMANDS.join(', ')})`;
}

/** Runs one railgate command and returns its exit code; never lets a stack trace reach the user. */
export async function main(argv: string[], out: Output = consoleOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // Each command loads only what it uses: `--help` or `sign` must not pay for vitest, msw and the contract validators.
    switch (command) {
      case 'run':
        return await (await import('./cmd-run.ts')).cmdRun(rest, out);
      case 'report':
        return await (await import('./cmd-report.ts')).cmdReport(rest, out);
      case 'lint':
        return await (await import('./cmd-lint.ts')).cmdLint(rest, out);
      case 'init':
        return await (await import('./cmd-init.ts')).cmdInit(rest, out);
      case 'sign':
        return await (await import('./cmd-sign.ts')).cmdSign(rest, out);
      case 'webhook':
        return await (await import('./cmd-webhook.ts')).cmdWebhook(rest, out);
      case 'simulate':
        return await (await import('./cmd-simulate.ts')).cmdSimulate(rest, out, untilSignal());
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        return out.help('main');
      default:
        throw new UsageError(`unknown command '${command}'${commandHint(command)}`);
    }
  } catch (e) {
    if (e instanceof InputError) {
      // A wrong file can hold a mistake a line: the first hundred say what is wrong, the rest only scroll.
      for (const p of e.problems.slice(0, MAX_PRINTED)) out.error(formatInputProblem(p));
      const untold = e.problems.length > MAX_PRINTED ? ` (the first ${MAX_PRINTED} shown)` : '';
      out.error(`${e.problems.length} problem${e.problems.length > 1 ? 's' : ''} found${untold}; nothing was run.`);
      return 2;
    }
    if (e instanceof UsageError) {
      out.error(`railgate: ${e.message}`);
      out.error(`Run 'railgate ${command && COMMANDS.includes(command) ? `${command} ` : ''}--help' for usage.`);
      return 2;
    }
    out.error(`railgate: internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.RAILGATE_DEBUG) out.error(e instanceof Error ? (e.stack ?? '') : '');
    return 2;
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const code = await main(process.argv.slice(2));
  process.exit(code);
}
