import type { SchemaValidators } from '../../contract/index.ts';
import { escapePointer } from '../../json/index.ts';

/** A valid payload broken in one place, and what was done to it. */
export interface Breakage {
  change: string;
  payload: unknown;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How deep a breakage is looked for: the envelope and the resource in it. */
const DEPTH = 3;

/**
 * Two ways to break a valid payload that its schema must refuse (pure): one required field removed, one
 * field given a value of the wrong type, each the first found from the top down that the schema does refuse
 * (`validators` says). Fewer when the schema has no required field, or accepts any type where it was looked.
 */
export function schemaBreakages(validators: SchemaValidators, schema: string, payload: unknown): Breakage[] {
  const places = fields(payload);
  const out: Breakage[] = [];
  for (const { pointer, parent, key } of places) {
    const broken = structuredClone(payload);
    delete (at(broken, parent) as Obj)[key];
    if (validators.validate(schema, broken).some((i) => i.message.includes(`required property '${key}'`))) {
      out.push({ change: `required field ${pointer} removed`, payload: broken });
      break;
    }
  }
  for (const { pointer, parent, key, value } of places) {
    const wrong = wrongType(value);
    const broken = structuredClone(payload);
    (at(broken, parent) as Obj)[key] = wrong.value;
    if (validators.validate(schema, broken).some((i) => i.at === pointer)) {
      out.push({ change: `${pointer} is ${wrong.what} instead of ${kind(value)}`, payload: broken });
      break;
    }
  }
  return out;
}

interface Field {
  pointer: string;
  /** The keys from the payload's root to the object holding the field. */
  parent: string[];
  key: string;
  value: unknown;
}

/** Every object field of a payload, breadth first: the envelope's before the resource's. */
function fields(payload: unknown): Field[] {
  const out: Field[] = [];
  let level: Array<{ path: string[]; node: unknown }> = [{ path: [], node: payload }];
  for (let depth = 0; depth < DEPTH && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { path, node } of level) {
      if (!isObj(node)) continue;
      for (const [key, value] of Object.entries(node)) {
        out.push({ pointer: `/${[...path, key].map(escapePointer).join('/')}`, parent: path, key, value });
        next.push({ path: [...path, key], node: value });
      }
    }
    level = next;
  }
  return out;
}

function at(root: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Obj)[key], root);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A value of another type: text where a number or structure was, a number where text was. */
function wrongType(value: unknown): { value: unknown; what: string } {
  return typeof value === 'string' ? { value: 12345, what: 'a number' } : { value: 'railgate-wrong-type', what: 'a string' };
}
