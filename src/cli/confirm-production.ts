import { createInterface } from 'node:readline/promises';
import { UsageError } from './args.ts';

export interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

/**
 * `--allow-production` is not enough on its own: for each partner whose destructive checks would run against
 * production, the user types its id again at a terminal. Without one (CI, a pipe) the run is refused: moving
 * real money is never a default a script can fall into.
 */
export async function confirmProduction(partners: Array<{ id: string; reason: string }>, term: Terminal): Promise<void> {
  if (!term.input.isTTY) {
    throw new UsageError(`--allow-production asks for each partner's id to be typed again at a terminal, and there is none: refusing (${partners.map((p) => p.id).join(', ')})`);
  }
  const rl = createInterface({ input: term.input, output: term.output, terminal: true });
  try {
    for (const p of partners) {
      const typed = (await rl.question(`${p.reason}: destructive checks will move real money. Type the partner id '${p.id}' to go on: `)).trim();
      if (typed !== p.id) throw new UsageError(`typed '${typed}', not '${p.id}': refusing to run against production`);
    }
  } finally {
    rl.close();
  }
}
