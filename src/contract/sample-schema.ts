import type { JsonSchema } from 'json-schema-faker';
import { getPointer, splitPointer } from '../json/index.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Which way a value travels. A request leaves out the properties the contract marks `readOnly` (the server alone
 * writes them), an answer those it marks `writeOnly` (the client alone sends them); a required one stays, since
 * the contract's validators demand it whichever way it goes. It also says how full the value is (valid-sample.ts).
 */
export type Direction = 'request' | 'answer';

/**
 * The JSON Schema keywords json-schema-faker may see. Anything else is dropped: `x-` keywords, and OpenAPI's
 * `example`, `xml`, `externalDocs`, `nullable`, `discriminator`, because json-schema-faker reads an unknown key
 * holding an object as a property to generate (Square's `x-enum-elements`, Adyen's `x-anyOf` would come out as
 * fields of the body; property names that begin with `x-` are the API's own and stay) and hands `x-faker` to a
 * generator of its own.
 */
const KEYWORDS = new Set([
  'type', 'enum', 'const', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minItems', 'maxItems', 'uniqueItems', 'minContains', 'maxContains', 'required', 'minProperties', 'maxProperties', 'dependentRequired',
]);
/** Keywords holding one schema of the same value, left out where the tree is cut. */
const ONE_SCHEMA = ['not', 'if', 'then', 'else', 'contains', 'propertyNames'];
/** Siblings of a `$ref` that say nothing about the value. */
const NOTES = new Set(['description', 'title', 'readOnly', 'writeOnly', 'deprecated', 'example', 'examples', 'default']);

/** Body depth past which optional properties are left out and arrays left empty: a value stays readable. */
const MAX_DEPTH = 10;
/** Schema nodes one tree may hold before optional properties are left out: a contract whose references fan out wide still gives a value. */
const MAX_NODES = 10_000;
/** The longest free text generated where the schema allows longer: a merchant account of 1,000 characters reads as noise. */
const SHORT_TEXT = 24;
/** Longest string, and longest array, generated where the schema allows longer: PayPal allows 20 000 characters in a link's href, and 10 000 links. */
const MAX_LENGTH = 64;
const MAX_ITEMS = 2;

/** A place the tree cannot go on from without repeating a `$ref` already on the way down (a cyclic schema). */
const CUT = Symbol('cut');
type Inlined = Obj | typeof CUT;

export interface SampleSchemaOptions {
  direction: Direction;
  /**
   * The branch each `oneOf` / `anyOf` generates, of `count` (the next one where that one is cut): a seeded choice,
   * so that another attempt tries other branches.
   */
  pick: (count: number) => number;
}

/**
 * The schema at `pointer` in the bundled contract as json-schema-faker can generate a VALID value from; undefined
 * when the contract has no schema there. The bundled document is already in JSON Schema's own forms (`nullable` and
 * OpenAPI 3.0's boolean bounds were rewritten when it loaded: schema-dialect.ts). Each step is a way the faker broke
 * the contract by itself on real contracts:
 * - a finite tree: every `$ref` inlined, cut where a `$ref` would repeat. The faker cuts recursion at an overall
 *   depth and fills what lies past it with values of no type: PayPal's `currency_code` five levels down came out
 *   a number. Here an optional property, or an array's items, that could only repeat itself is left out; a
 *   required one cuts its holder too, on upward to the first optional place (an Entry without its endless Chain).
 *   Past MAX_DEPTH levels, or MAX_NODES nodes, optional properties are left out;
 * - only JSON Schema keywords (KEYWORDS): the faker reads an unknown key holding an object as a property (Adyen's
 *   `x-anyOf`, Square's `x-enum-elements`);
 * - the properties of the other direction left out (Direction);
 * - one branch of each `oneOf` / `anyOf` picked (`pick`) and generated whole beside its holder, with a
 *   `discriminator`'s property bound to the branch's name (its mapping, else the schema's name, as OpenAPI says);
 *   the validators still judge the union. For a `oneOf` the faker fills only the required fields of a branch, so
 *   Adyen's `categoryData`, whose branches differ by an optional `type`, came out `{}` and matched every branch;
 *   and handed every branch as an `anyOf`, it keeps only the last union where it merges an `allOf`, so a schema
 *   with two unions (two `oneOf` parts of an `allOf`, a `oneOf` beside an `anyOf`) never came out valid;
 * - where the schema leaves it open, values a partner takes without a second look: no `null` beside another
 *   type, numbers from 0, free text of 1 to SHORT_TEXT characters, no string longer than MAX_LENGTH nor array
 *   longer than MAX_ITEMS. Each narrowing keeps within what the schema allows.
 * Pure: the same options (the same picks) give the same tree.
 */
export function sampleSchema(doc: Obj, pointer: string, options: SampleSchemaOptions): JsonSchema | undefined {
  if (getPointer(doc, pointer) === undefined) return undefined;
  const tree = new Preparation(doc, options).walk({ $ref: `#${pointer}` }, [], 0);
  return tree === CUT ? {} : tree;
}

class Preparation {
  private nodes = 0;
  /** The property flag a value of this direction leaves out. */
  private readonly other: 'readOnly' | 'writeOnly';

  constructor(
    private readonly doc: Obj,
    private readonly options: SampleSchemaOptions,
  ) {
    this.other = options.direction === 'request' ? 'readOnly' : 'writeOnly';
  }

  private crowded(depth: number): boolean {
    return depth >= MAX_DEPTH || this.nodes > MAX_NODES;
  }

  /** A schema, its `$ref` followed unless it repeats one on the way down; meaningful siblings of a `$ref` (3.1) kept beside it. */
  walk(raw: unknown, stack: readonly string[], depth: number): Inlined {
    if (typeof raw === 'boolean') return raw ? {} : { not: {} };
    if (!isObj(raw)) return {};
    this.nodes++;
    const ref = raw.$ref;
    if (typeof ref !== 'string') return this.walkSchema(raw, stack, depth);
    if (stack.includes(ref)) return CUT;
    const target = ref.startsWith('#') ? getPointer(this.doc, ref.slice(1)) : undefined;
    const inlined = this.walk(target ?? {}, [...stack, ref], depth);
    const siblings = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== '$ref' && !NOTES.has(k) && !k.startsWith('x-')));
    if (inlined === CUT || Object.keys(siblings).length === 0) return inlined;
    const beside = this.walkSchema(siblings, stack, depth);
    return beside === CUT ? CUT : { allOf: [inlined, beside] };
  }

  private walkSchema(raw: Obj, stack: readonly string[], depth: number): Inlined {
    const out: Obj = {};
    for (const [key, value] of Object.entries(raw)) if (KEYWORDS.has(key)) out[key] = value;
    if (isObj(raw.properties) && this.propertiesOf(raw, out, stack, depth) === CUT) return CUT;
    for (const key of ['patternProperties', 'dependentSchemas'] as const) {
      if (isObj(raw[key])) out[key] = Object.fromEntries(Object.entries(raw[key]).flatMap(([k, s]) => kept(k, this.walk(s, stack, depth + 1))));
    }
    if (isObj(raw.additionalProperties) || typeof raw.additionalProperties === 'boolean') {
      const sub = this.walk(raw.additionalProperties, stack, depth + 1);
      if (sub !== CUT) out.additionalProperties = sub;
    }
    if (this.itemsOf(raw, out, stack, depth) === CUT) return CUT;
    for (const key of ONE_SCHEMA) {
      const sub = raw[key] === undefined ? CUT : this.walk(raw[key], stack, depth);
      if (sub !== CUT) out[key] = sub;
    }
    const parts: Obj[] = [];
    if (Array.isArray(raw.allOf)) {
      for (const s of raw.allOf) {
        const part = this.walk(s, stack, depth);
        if (part === CUT) return CUT;
        parts.push(part);
      }
    }
    for (const key of ['oneOf', 'anyOf'] as const) {
      const branches = raw[key];
      if (!Array.isArray(branches) || branches.length === 0) continue;
      const union = this.unionOf(raw, branches, stack, depth);
      if (union === CUT) return CUT;
      parts.push(...union);
    }
    if (parts.length > 0) out.allOf = parts;
    narrowOpenValues(out);
    return out;
  }

  private propertiesOf(raw: Obj, out: Obj, stack: readonly string[], depth: number): Inlined {
    const required = new Set(Array.isArray(raw.required) ? raw.required.filter((k): k is string => typeof k === 'string') : []);
    const props: Obj = {};
    for (const [name, sub] of Object.entries(raw.properties as Obj)) {
      const optional = !required.has(name);
      if (optional && (this.crowded(depth) || this.flagged(sub))) continue;
      const inlined = this.walk(sub, stack, depth + 1);
      if (inlined !== CUT) props[name] = inlined;
      else if (!optional) return CUT;
    }
    out.properties = props;
    return out;
  }

  private itemsOf(raw: Obj, out: Obj, stack: readonly string[], depth: number): Inlined {
    const tuple = Array.isArray(raw.prefixItems) ? raw.prefixItems : Array.isArray(raw.items) ? raw.items : undefined;
    if (tuple) out.prefixItems = tuple.map((s) => orOpen(this.walk(s, stack, depth + 1)));
    // A tuple of OpenAPI 3.0 (draft 4) says what follows it with `additionalItems`, 2020-12 with `items`.
    const rest = Array.isArray(raw.items) ? raw.additionalItems : raw.items;
    if (rest === undefined) return out;
    const items = this.walk(rest, stack, depth + 1);
    const min = typeof raw.minItems === 'number' ? raw.minItems : 0;
    if (items === CUT && min > (tuple?.length ?? 0)) return CUT;
    out.items = orOpen(items);
    if ((items === CUT || this.crowded(depth)) && min === 0) out.maxItems = 0;
    else if (this.crowded(depth)) out.maxItems = min;
    return out;
  }

  /**
   * The branch picked of a union (the next one where it is cut), as a part of its holder's `allOf`. A bare
   * `{ type: 'null' }` is picked only when every other branch is cut: a `nullable` is loaded as `anyOf: [schema,
   * { type: 'null' }]` (826 times in Square's contract), and a value is no more null there than beside another
   * type; but a null ends a required reference to itself where nothing else can.
   */
  private unionOf(raw: Obj, all: unknown[], stack: readonly string[], depth: number): Obj[] | typeof CUT {
    const branches = all.filter((b) => !isNull(b));
    const first = branches.length > 0 ? this.options.pick(branches.length) : 0;
    for (let i = 0; i < branches.length; i++) {
      const branch = branches[(first + i) % branches.length];
      const walked = this.walk(branch, stack, depth);
      if (walked !== CUT) return [withDiscriminator(raw, branch, walked)];
    }
    return branches.length < all.length ? [{ type: 'null' }] : CUT;
  }

  /** A property this direction leaves out: flagged on itself or on the schema its `$ref` names. */
  private flagged(s: unknown): boolean {
    if (!isObj(s)) return false;
    if (s[this.other] === true) return true;
    const target = typeof s.$ref === 'string' && s.$ref.startsWith('#') ? getPointer(this.doc, s.$ref.slice(1)) : undefined;
    return isObj(target) && target[this.other] === true;
  }
}

function isNull(s: unknown): boolean {
  return isObj(s) && s.type === 'null' && Object.keys(s).length === 1;
}

/** A schema node kept unless the tree was cut there, as an entry. */
function kept<K>(key: K, s: Inlined): Array<[K, Obj]> {
  return s === CUT ? [] : [[key, s]];
}

function orOpen(s: Inlined): Obj {
  return s === CUT ? {} : s;
}

/** A branch of a union with a `discriminator` gets its property bound to the branch's name: the mapping's key for its `$ref`, else the schema's name. */
function withDiscriminator(raw: Obj, branch: unknown, inlined: Obj): Obj {
  const d = raw.discriminator;
  if (!isObj(d) || typeof d.propertyName !== 'string' || !isObj(branch) || typeof branch.$ref !== 'string') return inlined;
  const ref = branch.$ref;
  const mapped = isObj(d.mapping) ? Object.entries(d.mapping).find(([, to]) => to === ref || `#/components/schemas/${String(to)}` === ref)?.[0] : undefined;
  const value = mapped ?? splitPointer(ref).at(-1);
  return { allOf: [inlined, { type: 'object', properties: { [d.propertyName]: { const: value } }, required: [d.propertyName] }] };
}

/** Within what the schema allows: no `null` beside another type, numbers from 0, short text, short arrays. */
function narrowOpenValues(out: Obj): void {
  if (Array.isArray(out.type) && out.type.length > 1 && out.type.includes('null')) {
    const rest = out.type.filter((t) => t !== 'null');
    out.type = rest.length === 1 ? rest[0] : rest;
  }
  if (typeof out.maxLength === 'number' && out.maxLength > MAX_LENGTH) out.maxLength = Math.max(MAX_LENGTH, typeof out.minLength === 'number' ? out.minLength : 0);
  if (typeof out.maxItems === 'number' && out.maxItems > MAX_ITEMS) out.maxItems = Math.max(MAX_ITEMS, typeof out.minItems === 'number' ? out.minItems : 0);
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
