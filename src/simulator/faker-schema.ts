import type { JsonSchema } from 'json-schema-faker';
import { getPointer } from '../json/index.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Instance depth past which optional properties are left out and arrays left empty: bodies stay readable. */
const MAX_DEPTH = 12;
/** Schema nodes one inlined tree may hold: a contract whose references fan out wide still gives a body. */
const MAX_NODES = 20_000;

/** Longest string, and longest array, the faker writes where the schema allows longer. */
const MAX_LENGTH = 64;
const MAX_ITEMS = 2;

/** Keywords that hold one schema, or a list of schemas, of the same value or of its items. */
const SUBSCHEMAS = ['not', 'if', 'then', 'else', 'contains', 'propertyNames', 'additionalItems', 'unevaluatedItems', 'unevaluatedProperties'];
/** Keywords that only name things elsewhere: gone once every `$ref` is inlined. */
const DROPPED = new Set(['definitions', '$defs', 'discriminator', '$id', '$schema']);

/** Marks a place the tree cannot go on from without repeating itself (a `$ref` already on the way down). */
const CUT = Symbol('cut');
type Inlined = Obj | typeof CUT;

/**
 * The schema at `pointer` in the bundled contract as json-schema-faker can generate a VALID body from: a finite
 * tree with every `$ref` inlined, no `x-` keyword, and one branch of each `oneOf` / `anyOf` picked (`pick`).
 * Each is a way the faker broke the contract by itself on real contracts:
 * - it takes a keyword it does not know for a property: Adyen's `x-anyOf` (documentation of `additionalData`)
 *   came out as a field of the body. Property names that begin with `x-` are the API's own and stay;
 * - for a `oneOf` it fills only the required fields of a branch, so Adyen's `categoryData`, whose branches
 *   differ by an optional `type`, came out `{}` and matched every branch. The branch picked here is generated
 *   whole, and a discriminator's property is bound to the branch's name;
 * - it cuts recursion at an overall depth, filling what is past it with placeholders of no type: PayPal's
 *   `currency_code` five levels down came out a number. Here recursion stops at the `$ref` that would repeat
 *   (an optional property is left out, an array left empty), and only past MAX_DEPTH levels of the body are
 *   optional properties dropped.
 * Pure: the same `pick` gives the same tree.
 */
export function fakerSchema(doc: Obj, pointer: string, pick: (count: number) => number): JsonSchema {
  let nodes = 0;
  const walk = (raw: unknown, stack: readonly string[], depth: number): Inlined => {
    if (!isObj(raw)) return typeof raw === 'boolean' ? (raw ? {} : { not: {} }) : {};
    if (++nodes > MAX_NODES) return {};
    if (typeof raw.$ref === 'string') return inlineRef(raw, stack, depth);
    const out: Obj = {};
    for (const [k, v] of Object.entries(raw)) if (!k.startsWith('x-') && !DROPPED.has(k)) out[k] = v;
    // PayPal allows 20 000 characters in a link's href and 10 000 links: the faker would write as many.
    if (typeof raw.maxLength === 'number' && raw.maxLength > MAX_LENGTH) out.maxLength = Math.max(MAX_LENGTH, typeof raw.minLength === 'number' ? raw.minLength : 0);
    if (typeof raw.maxItems === 'number' && raw.maxItems > MAX_ITEMS) out.maxItems = Math.max(MAX_ITEMS, typeof raw.minItems === 'number' ? raw.minItems : 0);
    if (isObj(raw.properties)) {
      const properties = propertiesOf(raw, stack, depth);
      if (properties === CUT) return CUT;
      out.properties = properties;
    }
    if (isObj(raw.patternProperties)) out.patternProperties = mapValues(raw.patternProperties, (s) => orOpen(walk(s, stack, depth + 1)));
    if (isObj(raw.additionalProperties)) {
      const sub = walk(raw.additionalProperties, stack, depth + 1);
      if (sub === CUT) delete out.additionalProperties;
      else out.additionalProperties = sub;
    }
    if (raw.items !== undefined && itemsOf(out, raw, stack, depth) === CUT) return CUT;
    if (Array.isArray(raw.prefixItems)) out.prefixItems = raw.prefixItems.map((s) => orOpen(walk(s, stack, depth + 1)));
    for (const k of SUBSCHEMAS) if (raw[k] !== undefined) out[k] = orOpen(walk(raw[k], stack, depth));
    if (Array.isArray(raw.allOf)) {
      const parts = raw.allOf.map((s) => walk(s, stack, depth));
      if (parts.includes(CUT)) return CUT;
      out.allOf = parts;
    }
    for (const k of ['oneOf', 'anyOf'] as const) {
      if (!Array.isArray(raw[k]) || raw[k].length === 0) continue;
      delete out[k];
      const branch = pickBranch(raw, raw[k] as unknown[], stack, depth);
      if (!branch) return CUT;
      out.allOf = [...((out.allOf as Obj[] | undefined) ?? []), ...branch];
    }
    return out;
  };
  const inlineRef = (raw: Obj, stack: readonly string[], depth: number): Inlined => {
    const ref = raw.$ref as string;
    if (stack.includes(ref)) return CUT;
    const target = ref.startsWith('#') ? getPointer(doc, ref.slice(1)) : undefined;
    const inlined = target === undefined ? {} : walk(target, [...stack, ref], depth);
    const { $ref: _ref, ...siblings } = raw;
    const meaningful = Object.keys(siblings).filter((k) => !['description', 'title', 'readOnly', 'writeOnly', 'deprecated', 'example', 'examples'].includes(k) && !k.startsWith('x-'));
    if (inlined === CUT || meaningful.length === 0) return inlined;
    const beside = walk(siblings, stack, depth);
    return beside === CUT ? inlined : { allOf: [inlined, beside] };
  };
  // A required property, or the items of an array that must have some, that repeats itself cuts its holder too:
  // an optional property above leaves it out (an Entry without its endless Chain), a required one cuts on upward.
  const propertiesOf = (raw: Obj, stack: readonly string[], depth: number): Inlined => {
    const required = new Set(Array.isArray(raw.required) ? (raw.required as string[]) : []);
    const out: Obj = {};
    for (const [name, sub] of Object.entries(raw.properties as Obj)) {
      const optional = !required.has(name);
      if (optional && (depth >= MAX_DEPTH || nodes > MAX_NODES)) continue;
      const inlined = walk(sub, stack, depth + 1);
      if (inlined !== CUT) out[name] = inlined;
      else if (!optional) return CUT;
    }
    return out;
  };
  const itemsOf = (out: Obj, raw: Obj, stack: readonly string[], depth: number): Inlined => {
    const min = typeof raw.minItems === 'number' ? raw.minItems : 0;
    if (Array.isArray(raw.items)) {
      out.items = raw.items.map((s) => orOpen(walk(s, stack, depth + 1)));
      return out;
    }
    const items = walk(raw.items, stack, depth + 1);
    if (items === CUT && min > 0) return CUT;
    out.items = orOpen(items);
    if ((items === CUT || depth >= MAX_DEPTH) && min === 0) out.maxItems = 0;
    return out;
  };
  const pickBranch = (raw: Obj, branches: unknown[], stack: readonly string[], depth: number): Obj[] | undefined => {
    const first = pick(branches.length);
    for (let i = 0; i < branches.length; i++) {
      const at = (first + i) % branches.length;
      const branch = walk(branches[at], stack, depth);
      if (branch !== CUT) return [branch, ...discriminatorOf(raw, branches[at])];
    }
    return undefined;
  };
  return orOpen(walk({ $ref: `#${pointer}` }, [], 0)) as JsonSchema;
}

/** A discriminator binds its property to the name of the branch picked: OpenAPI's mapping, else the schema's name. */
function discriminatorOf(schema: Obj, branch: unknown): Obj[] {
  const d = schema.discriminator;
  if (!isObj(d) || typeof d.propertyName !== 'string' || !isObj(branch) || typeof branch.$ref !== 'string') return [];
  const ref = branch.$ref;
  const mapping = isObj(d.mapping) ? Object.entries(d.mapping).find(([, to]) => to === ref || `#/components/schemas/${String(to)}` === ref)?.[0] : undefined;
  const name = mapping ?? ref.slice(ref.lastIndexOf('/') + 1);
  return [{ properties: { [d.propertyName]: { const: name } }, required: [d.propertyName] }];
}

function orOpen(s: Inlined): Obj {
  return s === CUT ? {} : s;
}

function mapValues(o: Obj, f: (v: unknown) => unknown): Obj {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}
