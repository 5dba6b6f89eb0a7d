import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError, closest, readLocatedYaml, validateInput } from '../source/index.ts';
import type { InputProblem } from '../source/index.ts';
import type { Scenario, ScenarioFile } from './model.ts';

/**
 * Loads every `*.yaml` scenario in a partner's suite folder. Each problem is located; all files are read
 * before reporting, so one run lists every mistake. `operationIds` checks that each call names a real
 * operation of the contract.
 */
export async function loadScenarios(dir: string, operationIds: ReadonlySet<string>): Promise<Scenario[]> {
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
      const steps = s.steps.map((step, i) => {
        if (!operationIds.has(step.call)) {
          const hint = closest(step.call, operationIds);
          problems.push(doc.problem(['steps', i, 'call'], `operation '${step.call}' is not in the contract${hint ? ` (did you mean '${hint}'?)` : ''}`));
        }
        const pos = doc.locate(['steps', i]);
        return { ...step, loc: { file, line: pos.line, col: pos.col } };
      });
      const labels = new Set<string>();
      s.steps.forEach((step, i) => {
        if (step.as && labels.has(step.as)) problems.push(doc.problem(['steps', i, 'as'], `step name '${step.as}' is already used in this scenario`));
        if (step.as) labels.add(step.as);
      });
      scenarios.push({
        name: s.name,
        title: s.title ?? s.name,
        rail: s.rail,
        family: s.family ?? 'scenarios',
        tags: s.tags ?? [],
        severity: s.severity ?? 'normal',
        file,
        steps,
      });
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return scenarios;
}
