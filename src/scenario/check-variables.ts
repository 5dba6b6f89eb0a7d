import { closest, formatPath } from '../source/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';
import type { Step } from './model.ts';

type KeyPath = Array<string | number>;

/** Always there: interpolate.ts makes these up on the spot (`env.*` reads the environment when the step runs). */
const BUILT_IN = new Set(['uuid', 'now', 'seq', 'env']);

/** What a step sends or waits for is filled before it runs; only its `expect` also sees its own answer. */
const REQUEST_KEYS = ['params', 'query', 'headers', 'body', 'until', 'match', 'fault'] as const;

/**
 * `${name…}` read before any step names it (`as`) or captures it, located at the string that reads it (pure).
 * A run would find it only when the step runs, as a broken check; the order of the steps says it before.
 * `given` are the names known before the first step (`webhooks` when a receiver runs).
 */
export function variablesBeforeCapture(doc: LocatedDocument, at: ReadonlyArray<string | number>, steps: readonly Step[], given: ReadonlySet<string>): InputProblem[] {
  const known = new Set([...BUILT_IN, ...given]);
  const problems: InputProblem[] = [];
  // Where each name is first captured or named: a read before it is a step out of order, not a misspelling.
  const later = new Map<string, number>();
  steps.forEach((step, i) => {
    for (const name of [...(step.as === undefined ? [] : [step.as]), ...Object.keys(step.capture ?? {})]) if (!later.has(name)) later.set(name, i);
  });
  const check = (value: unknown, where: KeyPath, names: ReadonlySet<string>, i: number): void => {
    for (const { path, name, expr } of reads(value, where)) {
      if (names.has(name)) continue;
      const at = later.get(name);
      const hint = closest(name, [...names].filter((n) => !BUILT_IN.has(n)));
      const why =
        at === i ? `'${name}' is captured from this step's own answer, after its request is sent`
        : at !== undefined ? `'${name}' is captured only by a later step (${formatPath([...stepsAt, at])})`
        : `no earlier step captures or names '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}`;
      problems.push(doc.problem(path, `\${${expr}} is read before it is set: ${why}`));
    }
  };
  const stepsAt = [...at];
  steps.forEach((step, i) => {
    const where = [...at, i];
    for (const key of REQUEST_KEYS) check(step[key], [...where, key], known, i);
    check(step.expect, [...where, 'expect'], step.as === undefined ? known : new Set([...known, step.as]), i);
    if (step.as !== undefined) known.add(step.as);
    for (const name of Object.keys(step.capture ?? {})) known.add(name);
  });
  return problems;
}

/** Each `${…}` in the strings of a value, with the path of the string and the name it starts with. */
function reads(value: unknown, at: KeyPath): Array<{ path: KeyPath; name: string; expr: string }> {
  if (typeof value === 'string') {
    return [...value.matchAll(/\$\{([^}]+)\}/g)].map((m) => {
      const expr = (m[1] as string).trim();
      return { path: at, name: expr.split('.')[0] ?? expr, expr };
    });
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => reads(v, [...at, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => reads(v, [...at, k]));
  return [];
}
