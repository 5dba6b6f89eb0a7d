import { deref } from '../contract/index.ts';
import { escapePointer } from '../json/index.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A property reached from a schema: its JSON Pointer into an instance (`/error/code`, `/errors/0/code`) and its schema. */
export interface FieldAt {
  pointer: string;
  name: string;
  schema: Obj;
}

/** The schema at `node`, `$ref`s followed inside the bundled document. */
export function resolveSchema(doc: Obj, node: unknown): Obj | undefined {
  const found = deref(doc, node, '').node;
  return isObj(found) ? found : undefined;
}

/** A schema's own properties, with those of its `allOf` parts (the way error bodies extend a base). */
export function propertiesOf(doc: Obj, node: unknown, depth = 0): Map<string, Obj> {
  const out = new Map<string, Obj>();
  const schema = resolveSchema(doc, node);
  if (!schema || depth > 8) return out;
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) for (const [k, v] of propertiesOf(doc, part, depth + 1)) out.set(k, v);
  if (isObj(schema.properties)) {
    for (const [k, v] of Object.entries(schema.properties)) {
      const resolved = resolveSchema(doc, v);
      if (resolved) out.set(k, resolved);
    }
  }
  return out;
}

/**
 * Every property of an instance of `node`, breadth first down to `maxDepth` levels; an array's items are
 * entered at index 0 (Square's `/errors/0/code`). Each schema object is entered once: recursive schemas end.
 */
export function fieldsOf(doc: Obj, node: unknown, maxDepth = 3): FieldAt[] {
  const out: FieldAt[] = [];
  const seen = new Set<Obj>();
  let level: Array<{ pointer: string; node: unknown }> = [{ pointer: '', node }];
  for (let depth = 0; depth < maxDepth && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { pointer, node: n } of level) {
      const schema = resolveSchema(doc, n);
      if (!schema || seen.has(schema)) continue;
      seen.add(schema);
      for (const [name, prop] of propertiesOf(doc, schema)) {
        const at = `${pointer}/${escapePointer(name)}`;
        out.push({ pointer: at, name, schema: prop });
        const items = prop.type === 'array' ? resolveSchema(doc, prop.items) : undefined;
        next.push(items ? { pointer: `${at}/0`, node: items } : { pointer: at, node: prop });
      }
    }
    level = next;
  }
  return out;
}

/** The values a schema lists: `enum`, `const`, or those of its `oneOf`/`anyOf` branches. */
export function enumOf(doc: Obj, schema: Obj): string[] {
  if (Array.isArray(schema.enum)) return schema.enum.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
  if (typeof schema.const === 'string') return [schema.const];
  const branches = [...(Array.isArray(schema.oneOf) ? schema.oneOf : []), ...(Array.isArray(schema.anyOf) ? schema.anyOf : [])];
  return branches.flatMap((b) => {
    const r = resolveSchema(doc, b);
    return r ? enumOf(doc, r) : [];
  });
}

/** The schema's type, the first non-null one of a 3.1 type list. */
export function typeOf(schema: Obj): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null') as string | undefined;
  return undefined;
}
