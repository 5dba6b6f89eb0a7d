import { getPointer, joinPointer } from '../json/index.ts';
import { DATA_KEYS, NAME_MAPS } from './schema-dialect.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Where a schema ajv refuses to compile goes wrong. ajv compiles a schema with everything inside it and
 * everything it refers to, and names only the keyword (`minimum value must be ["number"]`): the schema
 * asked for is often a response that merely refers to the broken one. This descends from `pointer` into
 * the subschemas (and `$ref` targets) that still fail on their own, down to the innermost, and points at
 * the keyword ajv named when that schema holds it.
 */
export function culpritOf(doc: Obj, pointer: string, reason: string, compiles: (pointer: string) => boolean): string {
  const seen = new Set<string>([pointer]);
  let at = pointer;
  for (let depth = 0, next = failingChild(doc, at, seen, compiles); next !== undefined && depth < 200; depth++, next = failingChild(doc, at, seen, compiles)) at = next;
  const keyword = /^"?([$\w]+)"?\s/.exec(reason)?.[1];
  const schema = getPointer(doc, at);
  return keyword && isObj(schema) && keyword in schema ? joinPointer(at, keyword) : at;
}

function failingChild(doc: Obj, pointer: string, seen: Set<string>, compiles: (pointer: string) => boolean): string | undefined {
  for (const child of subschemas(getPointer(doc, pointer), pointer)) {
    if (seen.has(child)) continue;
    seen.add(child);
    if (!compiles(child)) return child;
  }
  return undefined;
}

/** Pointers to the schemas directly inside one (under its keywords, not its data) and to its `$ref` target. */
function subschemas(node: unknown, at: string): string[] {
  if (!isObj(node)) return [];
  const out: string[] = [];
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) out.push(node.$ref.slice(1));
  for (const [k, v] of Object.entries(node)) {
    if (DATA_KEYS.has(k) || k.startsWith('x-')) continue;
    if (Array.isArray(v)) out.push(...v.flatMap((item, i) => (isObj(item) ? [joinPointer(at, k, i)] : [])));
    else if (isObj(v) && NAME_MAPS.has(k)) out.push(...Object.keys(v).filter((name) => isObj(v[name])).map((name) => joinPointer(at, k, name)));
    else if (isObj(v)) out.push(joinPointer(at, k));
  }
  return out;
}
