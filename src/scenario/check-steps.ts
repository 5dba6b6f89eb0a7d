import { closest } from '../source/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';
import { termProblems } from './check-terms.ts';
import type { StepTerms } from './check-terms.ts';
import { variablesBeforeCapture } from './check-variables.ts';
import { STEP_ACTIONS, expectKey } from './model.ts';
import type { Scenario, SourceLocation, Step } from './model.ts';

export type LocatedStep = Scenario['steps'][number];

/**
 * What the step schema cannot say about steps listed at `at` in a located file — a scenario's `steps`, a
 * profile's `setup`: each does exactly one thing, names operations of the contract, replays an earlier named
 * step, polls until a state, names itself once, awaits events the partner sends, expects canonical codes the
 * profile maps onto, and reads only variables an earlier step captured. Gives the steps with their action
 * and place, and the problems, located in the file (pure).
 */
export function checkSteps(doc: LocatedDocument, at: ReadonlyArray<string | number>, steps: readonly Step[], terms: StepTerms): { steps: LocatedStep[]; problems: InputProblem[] } {
  const { operationIds } = terms;
  const problems: InputProblem[] = [];
  const labels = new Set<string>();
  const located = steps.map((step, i) => {
    const where = [...at, i];
    const actions = STEP_ACTIONS.filter((a) => step[a] !== undefined);
    if (actions.length !== 1) {
      problems.push(doc.problem(where, actions.length === 0 ? `a step needs one of: ${STEP_ACTIONS.join(', ')}` : `a step does one thing: found ${actions.join(' and ')}`));
    }
    const needOperation = (op: string | undefined, path: Array<string | number>): void => {
      const problem = unknownOperation(doc, [...where, ...path], op, operationIds);
      if (problem) problems.push(problem);
    };
    needOperation(step.call, ['call']);
    needOperation(step.poll, ['poll']);
    needOperation(step.fault?.operation, ['fault', 'operation']);
    if (step.replay !== undefined && !labels.has(step.replay)) {
      problems.push(doc.problem([...where, 'replay'], `no earlier step is named '${step.replay}'${labels.size ? ` (named: ${[...labels].join(', ')})` : ''}`));
    }
    if (step.poll !== undefined && step.until === undefined) problems.push(doc.problem(where, "a poll needs 'until': the state that ends it"));
    if (step.as !== undefined && labels.has(step.as)) problems.push(doc.problem([...where, 'as'], `step name '${step.as}' is already used by an earlier step`));
    if (step.as !== undefined) labels.add(step.as);
    problems.push(...termProblems(doc, where, step, terms));
    const pos = doc.locate(where);
    const expectAt = step.expect === undefined ? undefined : keyPlaces(doc, [...where, 'expect'], step.expect);
    return { ...step, action: actions[0] ?? 'call', loc: { file: doc.file, line: pos.line, col: pos.col }, ...(expectAt && { expectAt }) };
  });
  problems.push(...variablesBeforeCapture(doc, at, steps, terms.variables ?? new Set()));
  return { steps: located, problems };
}

/** An operationId the contract lacks, located, with a did-you-mean hint; undefined when it exists (or none is named). */
export function unknownOperation(doc: LocatedDocument, at: ReadonlyArray<string | number>, op: string | undefined, operationIds: Iterable<string>): InputProblem | undefined {
  const ids = new Set(operationIds);
  if (op === undefined || ids.has(op)) return undefined;
  const hint = closest(op, ids);
  return doc.problem(at, `operation '${op}' is not in the contract${hint ? ` (did you mean '${hint}'?)` : ''}`);
}

/**
 * Where each key under a step's `expect` is written (`expectKey(['body', 'amount'])` → its line and column):
 * a failed expectation is reported at the key that failed, not at the step.
 */
function keyPlaces(doc: LocatedDocument, at: ReadonlyArray<string | number>, value: unknown, under: Array<string | number> = [], out: Record<string, SourceLocation> = {}): Record<string, SourceLocation> {
  const pos = doc.locate([...at, ...under], 'key');
  out[expectKey(under)] = { file: doc.file, line: pos.line, col: pos.col };
  if (Array.isArray(value)) value.forEach((v, i) => keyPlaces(doc, at, v, [...under, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) keyPlaces(doc, at, v, [...under, k], out);
  return out;
}
