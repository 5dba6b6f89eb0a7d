import type { Rng } from '../random/index.ts';

export interface Variables {
  /** Captures and named steps (`create` → { status, headers, body }). */
  values: Map<string, unknown>;
  rng: Rng;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** Increments on every ${seq}: unique references within a run. */
  nextSeq: () => number;
}

export class UnknownVariable extends Error {}

const WHOLE = /^\$\{([^}]+)\}$/;
const ANY = /\$\{([^}]+)\}/g;

/**
 * Fills `${…}` in every string of a value. A string that is one expression keeps the value's type
 * (`'${create.body.amount}'` gives the number); inside longer text it is written as text.
 */
export function interpolate(value: unknown, vars: Variables): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return resolve(whole[1] as string, vars);
    return value.replace(ANY, (_, expr: string) => String(resolve(expr, vars)));
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, vars));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [interpolate(k, vars) as string, interpolate(v, vars)]));
  }
  return value;
}

function resolve(expr: string, vars: Variables): unknown {
  const e = expr.trim();
  if (e === 'uuid') return vars.rng.uuid();
  if (e === 'now') return vars.now().toISOString();
  if (e === 'seq') return vars.nextSeq();
  if (e.startsWith('env.')) {
    const name = e.slice(4);
    const v = vars.env[name];
    if (v === undefined) throw new UnknownVariable(`environment variable ${name} is not set`);
    return v;
  }
  const [head, ...rest] = e.split('.');
  if (!head || !vars.values.has(head)) {
    const known = [...vars.values.keys()];
    throw new UnknownVariable(`\${${e}}: '${head}' is not captured or named by an earlier step${known.length ? ` (known: ${known.join(', ')})` : ''}`);
  }
  let cur: unknown = vars.values.get(head);
  for (const seg of rest) {
    if (cur === null || typeof cur !== 'object') throw new UnknownVariable(`\${${e}}: nothing at '${seg}'`);
    cur = (cur as Record<string, unknown>)[seg];
  }
  if (cur === undefined) throw new UnknownVariable(`\${${e}} is not set`);
  return cur;
}
