import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError, closest, literalSecrets, readLocatedYaml, validateInput } from '../source/index.ts';
import type { InputProblem } from '../source/index.ts';
import { checkSteps } from './check-steps.ts';
import type { ScenarioTerms } from './check-terms.ts';
import type { Scenario, ScenarioFile } from './model.ts';

/**
 * Loads every `*.yaml` scenario in a partner's suite folder. Each problem is located; all files are read
 * before reporting, so one run lists every mistake. `terms` are what the partner's contract and profile
 * offer (operations, rails, event types, canonical codes): a scenario naming anything else is refused here.
 */
export async function loadScenarios(dir: string, terms: ScenarioTerms): Promise<Scenario[]> {
  let entries: string[];
  try {
    entries = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const problems: InputProblem[] = [];
  const scenarios: Scenario[] = [];
  const names = new Map<string, string>();
  for (const entry of entries) {
    const file = path.join(dir, entry);
    try {
      const doc = await readLocatedYaml(file);
      const s = validateInput<ScenarioFile>(doc, 'scenario.schema.json');
      const other = names.get(s.name);
      if (other) problems.push(doc.problem(['name'], `scenario name '${s.name}' is already used by ${other}`));
      names.set(s.name, file);
      if (terms.rails && !terms.rails.includes(s.rail)) {
        const hint = closest(s.rail, terms.rails);
        problems.push(doc.problem(['rail'], `'${s.rail}' is not a rail of this partner (rails: ${terms.rails.join(', ')}${hint ? `; did you mean '${hint}'?` : ''})`));
      }
      problems.push(...literalSecrets(doc));
      const checked = checkSteps(doc, ['steps'], s.steps, terms);
      problems.push(...checked.problems);
      scenarios.push({
        name: s.name,
        title: s.title ?? s.name,
        rail: s.rail,
        family: s.family ?? 'scenarios',
        tags: s.tags ?? [],
        severity: s.severity ?? 'normal',
        file,
        steps: checked.steps,
      });
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return scenarios;
}
