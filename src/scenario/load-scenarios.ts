import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError, closest, readLocatedYaml, validateInput } from '../source/index.ts';
import type { InputProblem } from '../source/index.ts';
import { STEP_ACTIONS } from './model.ts';
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
      const labels = new Set<string>();
      const steps = s.steps.map((step, i) => {
        const actions = STEP_ACTIONS.filter((a) => step[a] !== undefined);
        if (actions.length !== 1) {
          problems.push(doc.problem(['steps', i], actions.length === 0 ? `a step needs one of: ${STEP_ACTIONS.join(', ')}` : `a step does one thing: found ${actions.join(' and ')}`));
        }
        const needOperation = (op: string | undefined, at: Array<string | number>): void => {
          if (op === undefined || operationIds.has(op)) return;
          const hint = closest(op, operationIds);
          problems.push(doc.problem(at, `operation '${op}' is not in the contract${hint ? ` (did you mean '${hint}'?)` : ''}`));
        };
        needOperation(step.call, ['steps', i, 'call']);
        needOperation(step.poll, ['steps', i, 'poll']);
        needOperation(step.fault?.operation, ['steps', i, 'fault', 'operation']);
        if (step.replay !== undefined && !labels.has(step.replay)) {
          problems.push(doc.problem(['steps', i, 'replay'], `no earlier step is named '${step.replay}'${labels.size ? ` (named: ${[...labels].join(', ')})` : ''}`));
        }
        if (step.poll !== undefined && step.until === undefined) problems.push(doc.problem(['steps', i], "a poll needs 'until': the state that ends it"));
        if (step.as !== undefined && labels.has(step.as)) problems.push(doc.problem(['steps', i, 'as'], `step name '${step.as}' is already used in this scenario`));
        if (step.as !== undefined) labels.add(step.as);
        const pos = doc.locate(['steps', i]);
        return { ...step, action: actions[0] ?? 'call', loc: { file, line: pos.line, col: pos.col } };
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
