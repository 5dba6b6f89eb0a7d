import type { JsonSchema } from 'json-schema-faker';
import { getPointer, splitPointer } from '../json/index.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The JSON Schema keywords json-schema-faker may see. Anything else is dropped: `x-` keywords, and OpenAPI's
 * `example`, `xml`, `externalDocs`, `nullable`, `discriminator`, because json-schema-faker reads an unknown key
 * holding an object as a property to generate (Square's `x-enum-elements`, Adyen's `x-anyOf` would come out as
 * fields of the body) and hands `x-faker` to a generator of its own.
 */
const KEYWORDS = new Set([
  'type', 'enum', 'const', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minItems', 'maxItems', 'uniqueItems', 'minContains', 'maxContains', 'required', 'minProperties', 'maxProperties', 'dependentRequired',
]);
/** Keywords holding one schema, dropped when it would repeat a `$ref` on the way down. */
const ONE_SCHEMA = ['not', 'if', 'then', 'else', 'contains', 'propertyNames', 'additionalItems'];
/** Siblings of a `$ref` that say nothing about the value. */
const NOTES = new Set(['description', 'title', 'readOnly', 'writeOnly', 'deprecated', 'example', 'examples', 'default']);

/** Body depth past which optional properties are left out: a request stays readable. */
const MAX_DEPTH = 8;
/** Schema nodes one inlined tree may hold before optional properties are left out: a schema that fans out wide still gives a body. */
const MAX_NODES = 5_000;

/** A place the tree cannot go on from without repeating a `$ref` already on the way down (a cyclic schema). */
const CUT = Symbol('cut');
type Inlined = Obj | boolean | typeof CUT;

/**
 * A contract's schemas as the request generator feeds them to json-schema-faker, made on first use per pointer
 * and kept. Each is a finite tree with every `$ref` inlined, cut where a `$ref` would repeat (an optional property
 * or an array's items are left out there), because json-schema-faker's own cut at an overall depth fills what is
 * past it with values of no type. Besides:
 * - only JSON Schema keywords (KEYWORDS);
 * - read-only properties left out: a request does not send what the server alone writes;
 * - `oneOf` given as `anyOf`: json-schema-faker fills only the required fields of a `oneOf` branch, which then
 *   matches several (Adyen's `categoryData`), and generates an `anyOf` branch whole; the validators still judge the `oneOf`;
 * - a `discriminator`'s value bound in each branch (its mapping, else the schema's name, as OpenAPI says);
 * - OpenAPI 3.0's boolean `exclusiveMinimum` in its JSON Schema form;
 * - where the schema leaves it open, values a partner takes without a second look: numbers from 0, strings of
 *   1 to 24 characters of free text, no `null` beside another type. Each narrowing keeps within what the schema allows.
 */
export class GenerationSchemas {
  private readonly cache = new Map<string, JsonSchema>();

  constructor(private readonly bundled: Record<string, unknown>) {}

  /** The prepared schema at a pointer of the bundled document (`/components/schemas/X`); undefined when there is none. */
  at(pointer: string): JsonSchema | undefined {
    let prepared = this.cache.get(pointer);
    if (prepared === undefined) {
      if (getPointer(this.bundled, pointer) === undefined) return undefined;
      const tree = inline(this.bundled, `#${pointer}`);
      prepared = tree === CUT ? {} : tree;
      this.cache.set(pointer, prepared);
    }
    return prepared;
  }
}

function inline(doc: Obj, rootRef: string): Inlined {
  let nodes = 0;
  const crowded = (depth: number): boolean => depth >= MAX_DEPTH || nodes > MAX_NODES;

  /** A schema, its `$ref` followed unless it repeats one on the way down; meaningful siblings of a `$ref` (3.1) kept beside it. */
  const walk = (raw: unknown, stack: readonly string[], depth: number): Inlined => {
    if (typeof raw === 'boolean') return raw;
    if (!isObj(raw)) return {};
    nodes++;
    const ref = raw.$ref;
    if (typeof ref !== 'string') return walkSchema(raw, stack, depth);
    if (stack.includes(ref)) return CUT;
    const inlined = walk(getPointer(doc, ref.replace(/^#/, '')) ?? {}, [...stack, ref], depth);
    const siblings = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== '$ref' && !NOTES.has(k) && !k.startsWith('x-')));
    return inlined === CUT || Object.keys(siblings).length === 0 ? inlined : { allOf: [inlined, walkSchema(siblings, stack, depth)] };
  };

  const walkSchema = (raw: Obj, stack: readonly string[], depth: number): Obj => {
    const out: Obj = {};
    for (const [key, value] of Object.entries(raw)) if (KEYWORDS.has(key)) out[key] = value;
    if (isObj(raw.properties)) propertiesOf(raw, out, stack, depth);
    for (const key of ['patternProperties', 'dependentSchemas'] as const) {
      if (isObj(raw[key])) out[key] = Object.fromEntries(Object.entries(raw[key]).flatMap(([k, s]) => kept(k, walk(s, stack, depth + 1))));
    }
    if (isObj(raw.additionalProperties) || typeof raw.additionalProperties === 'boolean') {
      const sub = walk(raw.additionalProperties, stack, depth + 1);
      if (sub !== CUT) out.additionalProperties = sub;
    }
    itemsOf(raw, out, stack, depth);
    for (const key of ONE_SCHEMA) {
      const sub = raw[key] === undefined ? CUT : walk(raw[key], stack, depth);
      if (sub !== CUT) out[key] = sub;
    }
    if (Array.isArray(raw.allOf)) out.allOf = raw.allOf.map((s) => walk(s, stack, depth)).filter((s) => s !== CUT);
    const union = [...(Array.isArray(raw.oneOf) ? raw.oneOf : []), ...(Array.isArray(raw.anyOf) ? raw.anyOf : [])];
    if (union.length > 0) {
      const branches = union.flatMap((b) => kept(0, walk(b, stack, depth)).map(([, s]) => withDiscriminator(raw, b, s)));
      if (branches.length > 0) out.anyOf = branches;
    }
    exclusiveBoundsOf30(raw, out);
    narrowOpenValues(out);
    return out;
  };

  const propertiesOf = (raw: Obj, out: Obj, stack: readonly string[], depth: number): void => {
    const readOnly = Object.entries(raw.properties as Obj).filter(([, s]) => isReadOnly(doc, s)).map(([k]) => k);
    const required = new Set(Array.isArray(raw.required) ? raw.required.filter((k): k is string => typeof k === 'string' && !readOnly.includes(k)) : []);
    const props: Obj = {};
    for (const [name, sub] of Object.entries(raw.properties as Obj)) {
      if (readOnly.includes(name) || (!required.has(name) && crowded(depth))) continue;
      const inlined = walk(sub, stack, depth + 1);
      if (inlined !== CUT) props[name] = inlined;
      else if (required.has(name)) props[name] = {};
    }
    out.properties = props;
    if (Array.isArray(raw.required)) out.required = [...required];
  };

  const itemsOf = (raw: Obj, out: Obj, stack: readonly string[], depth: number): void => {
    const tuple = Array.isArray(raw.prefixItems) ? raw.prefixItems : Array.isArray(raw.items) ? raw.items : undefined;
    if (tuple) out.prefixItems = tuple.map((s) => walk(s, stack, depth + 1)).map((s) => (s === CUT ? {} : s));
    if (raw.items === undefined || Array.isArray(raw.items)) return;
    const items = walk(raw.items, stack, depth + 1);
    out.items = items === CUT ? {} : items;
    const min = typeof raw.minItems === 'number' ? raw.minItems : 0;
    if ((items === CUT || crowded(depth)) && min === 0) out.maxItems = 0;
    else if (crowded(depth)) out.maxItems = min;
  };

  return walk({ $ref: rootRef }, [], 0);
}

/** A schema node kept unless the tree was cut there, as an entry. */
function kept<K>(key: K, s: Inlined): Array<[K, Obj | boolean]> {
  return s === CUT ? [] : [[key, s]];
}

function isReadOnly(doc: Obj, s: unknown): boolean {
  if (!isObj(s)) return false;
  if (s.readOnly === true) return true;
  const target = typeof s.$ref === 'string' && s.$ref.startsWith('#') ? getPointer(doc, s.$ref.slice(1)) : undefined;
  return isObj(target) && target.readOnly === true;
}

/** A branch of a union with a `discriminator` gets its property bound to the branch's name: the mapping's key for its `$ref`, else the schema's name. */
function withDiscriminator(raw: Obj, branch: unknown, inlined: Obj | boolean): Obj | boolean {
  const d = raw.discriminator;
  if (!isObj(d) || typeof d.propertyName !== 'string' || !isObj(branch) || typeof branch.$ref !== 'string') return inlined;
  const ref = branch.$ref;
  const mapped = isObj(d.mapping) ? Object.entries(d.mapping).find(([, to]) => to === ref || `#/components/schemas/${String(to)}` === ref)?.[0] : undefined;
  const value = mapped ?? splitPointer(ref).at(-1);
  return { allOf: [inlined, { type: 'object', properties: { [d.propertyName]: { const: value } }, required: [d.propertyName] }] };
}

/** OpenAPI 3.0 (draft 4) writes `exclusiveMinimum: true` beside `minimum`; JSON Schema since draft 6 writes the bound itself. */
function exclusiveBoundsOf30(raw: Obj, out: Obj): void {
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof raw[exclusive] !== 'boolean') continue;
    if (raw[exclusive] === true && typeof raw[bound] === 'number') {
      out[exclusive] = raw[bound];
      delete out[bound];
    } else delete out[exclusive];
  }
}

/** The longest free text generated where the schema allows longer: a merchant account of 1,000 characters reads as noise. */
const SHORT_TEXT = 24;

/** Within what the schema allows: no `null` beside another type, numbers from 0, free text of 1 to SHORT_TEXT characters. */
function narrowOpenValues(out: Obj): void {
  if (Array.isArray(out.type) && out.type.length > 1 && out.type.includes('null')) {
    const rest = out.type.filter((t) => t !== 'null');
    out.type = rest.length === 1 ? rest[0] : rest;
  }
  if (out.enum !== undefined || out.const !== undefined) return;
  if ((out.type === 'integer' || out.type === 'number') && out.minimum === undefined && out.exclusiveMinimum === undefined) {
    if (typeof out.maximum !== 'number' || out.maximum >= 0) out.minimum = 0;
  }
  if (out.type === 'string' && out.pattern === undefined && out.format === undefined) {
    const max = typeof out.maxLength === 'number' ? out.maxLength : Infinity;
    const min = typeof out.minLength === 'number' ? out.minLength : Math.min(1, max);
    out.minLength = min;
    out.maxLength = Math.min(max, Math.max(min, SHORT_TEXT));
  }
}
