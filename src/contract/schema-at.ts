import { splitPointer } from '../json/index.ts';
import { deref } from './index-operations.ts';
import type { Operation } from './model.ts';
import { requestMedia } from './request-example.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether a JSON Pointer names a place the schema at `schemaPointer` (in the bundled document) declares:
 * through `properties`, `patternProperties`, an `additionalProperties` schema, `items` / `prefixItems` for
 * an index, and any branch of `allOf` / `anyOf` / `oneOf`, following internal `$ref`s (pure).
 */
export function schemaDeclares(doc: Obj, schemaPointer: string, pointer: string): boolean {
  // Asked for every field of every answer the simulator gives: each question is answered once per document.
  let answers = declared.get(doc);
  if (!answers || answers.size >= MAX_ANSWERS) declared.set(doc, (answers = new Map()));
  const key = `${schemaPointer}\u0000${pointer}`;
  let answer = answers.get(key);
  if (answer === undefined) answers.set(key, (answer = declares(doc, schemaPointer, pointer)));
  return answer;
}

/** Answers by document; bounded, as a standalone simulator is asked about any key a client sends. */
const declared = new WeakMap<Obj, Map<string, boolean>>();
const MAX_ANSWERS = 50_000;

function declares(doc: Obj, schemaPointer: string, pointer: string): boolean {
  // Schema nodes visited, by how much of the pointer was left: a schema may refer to itself.
  const seen = new Map<object, Set<number>>();
  const walk = (raw: unknown, segments: readonly string[]): boolean => {
    const schema = deref(doc, raw, '').node;
    if (!isObj(schema)) return false;
    if (segments.length === 0) return true;
    const left = seen.get(schema) ?? new Set<number>();
    if (left.has(segments.length)) return false;
    seen.set(schema, left.add(segments.length));
    const [head, ...rest] = segments as [string, ...string[]];
    for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
      const branches = schema[keyword];
      if (Array.isArray(branches) && branches.some((b) => walk(b, segments))) return true;
    }
    const props = schema.properties;
    if (isObj(props) && Object.hasOwn(props, head)) return walk(props[head], rest);
    const patterns = schema.patternProperties;
    if (isObj(patterns)) for (const [re, sub] of Object.entries(patterns)) if (new RegExp(re, 'u').test(head) && walk(sub, rest)) return true;
    if (isObj(schema.additionalProperties) && walk(schema.additionalProperties, rest)) return true;
    if (/^(0|[1-9][0-9]*)$/.test(head)) {
      const tuple = Array.isArray(schema.prefixItems) ? (schema.prefixItems as unknown[])[Number(head)] : undefined;
      return walk(tuple ?? schema.items, rest);
    }
    return false;
  };
  return walk({ $ref: `#${schemaPointer}` }, splitPointer(pointer));
}

/** The pointer to an operation's JSON request body schema, when it documents one. */
export function requestBodySchema(op: Operation): string | undefined {
  return requestMedia(op)?.schemaPointer;
}
