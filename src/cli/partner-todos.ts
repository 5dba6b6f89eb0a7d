import { readFile } from 'node:fs/promises';
import { todoMarkers } from '../onboard/todo-markers.ts';
import type { Partner } from '../partner/index.ts';
import type { InputProblem } from '../source/index.ts';

/** The `# TODO` comments `railgate init` left in a partner's profile and scenarios, each located, file by file. */
export async function partnerTodos(p: Pick<Partner, 'profileFile' | 'scenarios'>): Promise<InputProblem[]> {
  const files = [p.profileFile, ...p.scenarios.map((s) => s.file)];
  return (await Promise.all(files.map(async (f) => todoMarkers(f, await readFile(f, 'utf8'))))).flat();
}
