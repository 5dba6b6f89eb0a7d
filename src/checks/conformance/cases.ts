import { coerceParameter, deref, joinPointer, requestMedia } from '../../contract/index.ts';
import type { Operation, ParameterSpec, SchemaValidators } from '../../contract/index.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What a case expects of the partner:
 * - `valid`: a request the contract allows, at the edge of a constraint: a documented success or business error.
 * - `invalid`: one constraint broken: a documented 4xx the errors map recognises, never a 2xx, never a 5xx.
 * - `tolerated`: outside the contract but harmless (an unknown query parameter): any documented answer but a 5xx.
 */
export type CaseKind = 'valid' | 'invalid' | 'tolerated';

/** Where in the request a case changes something. */
export type Part = 'body' | 'query' | 'header' | 'path';

/** A body object the change needs, when the generated body lacks it: filled with a valid sample of its schema. */
export interface Ancestor {
  pointer: string;
  schemaPointer: string;
}

export type Change =
  /** `repeat`: the value (text) repeated to this length when sent: an oversized value is not held while planned. */
  | { do: 'set'; part: Part; name: string; value: unknown; ancestors?: readonly Ancestor[]; repeat?: number }
  | { do: 'remove'; part: Part; name: string }
  /** The body as text the generated body is turned into: `truncate` cuts its JSON short (malformed). */
  | { do: 'malformed-json' }
  | { do: 'content-type'; value: string };

/** One generated request of the conformance family: the operation's base request with one change. */
export interface ConformanceCase {
  operationId: string;
  kind: CaseKind;
  /** The constraint the case is about: `maxLength`, `required`, `malformed-json` … (what the budget spreads over). */
  rule: string;
  /** `body /reference`, `query parameter 'limit'`: a body member by pointer, a parameter by name. */
  where: string;
  /** What the request does, in a reviewer's words: `body /reference 65 characters, over its maxLength 64`. */
  title: string;
  change: Change;
}

/**
 * Rules in the order the budget reaches them: the changes that most often find a partner's faults first, each edge
 * a request may meet beside the bound it may not pass, so a small budget still sends valid requests (and creates).
 */
const RULE_ORDER = [
  'malformed-json', 'required', 'type', 'at-maxLength', 'maxLength', 'maximum', 'at-maximum', 'content-type', 'oversized', 'enum', 'enum-ends',
  'format', 'pattern', 'additionalProperties', 'minLength', 'at-minLength', 'minimum', 'at-minimum', 'unknown-query',
];

/** Body members deeper than this are not changed one by one: their parents' cases cover them. */
const MAX_DEPTH = 3;
/** Formats a value can be written wrong for, with a value that breaks each. */
const BAD_FORMAT: Readonly<Record<string, string>> = {
  'date-time': '2026-13-45T25:61:00Z',
  date: '2026-13-45',
  email: 'not-an-email',
  uuid: 'not-a-uuid',
  uri: 'not a uri',
  ipv4: '999.1.1.1',
  'iso-4217': 'XXXX',
};
const UNKNOWN_MEMBER = 'railgateUnexpected';
/** An oversized body: one bounded text member of 1 MiB, far past any length a payments API takes. */
const OVERSIZE = 1 << 20;
export const UNKNOWN_QUERY = 'railgate_unexpected';

/**
 * Every case the contract gives for an operation (pure): per body member and parameter, one case per constraint
 * broken (wrong type, missing when required, past a length or range, outside an enum, a bad format, a pattern
 * broken, an extra member where `additionalProperties: false`) and one per edge met (at maxLength, at maximum …),
 * plus a malformed JSON body, a body under another content type, an oversized body (a bounded text member of 1 MiB),
 * and an unknown query parameter.
 * Each value is checked against the member's own schema: a broken one must fail it, an edge one pass it.
 */
export function operationCases(doc: Obj, validators: SchemaValidators, op: Operation): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  const add = (c: Omit<ConformanceCase, 'operationId'>): void => void cases.push({ operationId: op.id, ...c });
  const media = requestMedia(op);
  if (op.requestBody && media?.schemaPointer && /json/i.test(media.contentType)) {
    add({ kind: 'invalid', rule: 'malformed-json', where: 'body', title: 'body is malformed JSON (cut short)', change: { do: 'malformed-json' } });
    add({ kind: 'invalid', rule: 'content-type', where: 'body', title: `body sent as text/plain, where the contract takes ${media.contentType}`, change: { do: 'content-type', value: 'text/plain' } });
    walkBody(doc, validators, media.schemaPointer, '', [], 0, add);
  }
  for (const p of op.parameters) {
    if (p.in === 'cookie' || !p.schemaPointer) continue;
    parameterCases(doc, validators, p, add);
  }
  add({ kind: 'tolerated', rule: 'unknown-query', where: `query parameter '${UNKNOWN_QUERY}'`, title: `an unknown query parameter '${UNKNOWN_QUERY}'`, change: { do: 'set', part: 'query', name: UNKNOWN_QUERY, value: '1' } });
  return cases;
}

/**
 * The cases an operation runs within a budget (pure): spread over the rules (one of each rule in RULE_ORDER, then a
 * second of each …), so a small budget still tries every kind of change once before it tries one twice.
 */
export function withinBudget(cases: readonly ConformanceCase[], max: number): ConformanceCase[] {
  const byRule = new Map<string, ConformanceCase[]>();
  for (const c of cases) byRule.set(c.rule, [...(byRule.get(c.rule) ?? []), c]);
  const rules = [...byRule.keys()].sort((a, b) => rank(a) - rank(b));
  const chosen: ConformanceCase[] = [];
  for (let round = 0; chosen.length < max; round++) {
    const before = chosen.length;
    for (const rule of rules) {
      const next = byRule.get(rule)![round];
      if (next && chosen.length < max) chosen.push(next);
    }
    if (chosen.length === before) break;
  }
  return chosen;
}

function rank(rule: string): number {
  const i = RULE_ORDER.indexOf(rule);
  return i === -1 ? RULE_ORDER.length : i;
}

type Add = (c: Omit<ConformanceCase, 'operationId'>) => void;

interface Resolved {
  schema: Obj;
  pointer: string;
}

/** The schema at a pointer with `$ref`s followed and `allOf` members' properties and required lists merged in. */
function resolve(doc: Obj, pointer: string): Resolved | undefined {
  const { node, pointer: at } = deref(doc, { $ref: `#${pointer}` }, pointer);
  if (!isObj(node)) return undefined;
  if (!Array.isArray(node.allOf)) return { schema: node, pointer: at };
  const merged: Obj = { ...node, properties: { ...(isObj(node.properties) ? node.properties : {}) }, required: [...(Array.isArray(node.required) ? node.required : [])] };
  const props = merged.properties as Obj;
  const required = merged.required as unknown[];
  (node.allOf as unknown[]).forEach((_, i) => {
    const part = resolve(doc, joinPointer(at, 'allOf', i));
    if (!part) return;
    if (isObj(part.schema.properties)) for (const [k] of Object.entries(part.schema.properties)) props[k] ??= { $ref: `#${joinPointer(part.pointer, 'properties', k)}` };
    if (Array.isArray(part.schema.required)) required.push(...part.schema.required);
    if (part.schema.additionalProperties === false) merged.additionalProperties = false;
    if (part.schema.type !== undefined) merged.type ??= part.schema.type;
  });
  return { schema: merged, pointer: at };
}

/** The schema of a member of a resolved object: its own pointer where written in place, else behind its `$ref`. */
function memberPointer(parent: Resolved, name: string): string {
  const props = parent.schema.properties as Obj;
  const raw = props[name];
  if (isObj(raw) && typeof raw.$ref === 'string' && raw.$ref.startsWith('#')) return raw.$ref.slice(1);
  return joinPointer(parent.pointer, 'properties', name);
}

function walkBody(doc: Obj, validators: SchemaValidators, schemaPointer: string, at: string, ancestors: Ancestor[], depth: number, add: Add): void {
  const resolved = resolve(doc, schemaPointer);
  if (!resolved || !isObj(resolved.schema.properties)) return;
  const { schema } = resolved;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const where = (name: string): string => `body ${at}/${name}`;
  if (schema.additionalProperties === false) {
    add({ kind: 'invalid', rule: 'additionalProperties', where: `body ${at || '/'}`, title: `body ${at || '/'} with a member '${UNKNOWN_MEMBER}' it does not declare (additionalProperties: false)`, change: { do: 'set', part: 'body', name: `${at}/${UNKNOWN_MEMBER}`, value: true, ancestors } });
  }
  for (const name of Object.keys(schema.properties as Obj)) {
    const pointer = joinPointer(at, name);
    const member = memberPointer(resolved, name);
    const sub = resolve(doc, member);
    if (!sub || sub.schema.readOnly === true) continue;
    if (required.has(name)) add({ kind: 'invalid', rule: 'required', where: where(name), title: `body without its required ${pointer}`, change: { do: 'remove', part: 'body', name: pointer } });
    const set = (value: unknown): Change => ({ do: 'set', part: 'body', name: pointer, value, ancestors });
    valueCases(validators, sub, `body ${pointer}`, set, add);
    if (depth + 1 < MAX_DEPTH && typeOf(sub.schema) === 'object') walkBody(doc, validators, member, pointer, [...ancestors, { pointer, schemaPointer: member }], depth + 1, add);
  }
}

function parameterCases(doc: Obj, validators: SchemaValidators, p: ParameterSpec, add: Add): void {
  const sub = resolve(doc, p.schemaPointer!);
  if (!sub) return;
  const part: Part = p.in === 'header' ? 'header' : p.in === 'query' ? 'query' : 'path';
  const name = part === 'header' ? p.name.toLowerCase() : p.name;
  const label = `${p.in} parameter '${p.name}'`;
  if (p.required && p.in !== 'path') add({ kind: 'invalid', rule: 'required', where: label, title: `without its required ${label}`, change: { do: 'remove', part, name } });
  // An empty path segment is no short value: `/items/` is another resource (a list, or none), not an item.
  const addValue: Add = (c) => (part === 'path' && c.change.do === 'set' && c.change.value === '' ? undefined : add(c));
  // A parameter travels as text: a value that is not text on the wire is written as it would be sent.
  valueCases(validators, sub, label, (value) => ({ do: 'set', part, name, value: typeof value === 'object' ? JSON.stringify(value) : String(value) }), addValue, true);
}

function typeOf(schema: Obj): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return (schema.type as unknown[]).find((t) => t !== 'null') as string | undefined;
  if (isObj(schema.properties)) return 'object';
  return undefined;
}

/**
 * The cases of one value's constraints. `asText`: the value travels as text (a parameter), so a wrong type is a
 * word where a number belongs; a string parameter has no wrong type.
 */
function valueCases(validators: SchemaValidators, sub: Resolved, label: string, set: (value: unknown) => Change, add: Add, asText = false): void {
  const { schema, pointer } = sub;
  const type = typeOf(schema);
  // A parameter is judged as the partner's contract check reads it off the wire (the simulator's own reading).
  const fails = (v: unknown): boolean => validators.validate(pointer, asText ? coerceParameter(typeof v === 'object' ? JSON.stringify(v) : String(v), validators, pointer) : v).length > 0;
  const passes = (v: unknown): boolean => !fails(v);
  const broken = (rule: string, value: unknown, title: string): void => {
    if (fails(value)) add({ kind: 'invalid', rule, where: label, title: `${label} ${title}`, change: set(value) });
  };
  const edge = (rule: string, value: unknown, title: string): void => {
    if (passes(value)) add({ kind: 'valid', rule, where: label, title: `${label} ${title}`, change: set(value) });
  };
  const wrongType = type === 'string' ? 12345 : type === 'integer' || type === 'number' ? 'not-a-number' : type === 'boolean' ? 'not-a-boolean' : type === 'object' ? 'not-an-object' : type === 'array' ? 'not-an-array' : undefined;
  if (wrongType !== undefined && !(asText && type === 'string')) broken('type', wrongType, `of the wrong type (${JSON.stringify(wrongType)} where ${type} is due)`);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const first = schema.enum[0];
    const last = schema.enum[schema.enum.length - 1];
    if (typeof first === 'string') broken('enum', 'RAILGATE_NOT_IN_ENUM', `outside its enum (${schema.enum.length} values)`);
    edge('enum-ends', first, `at the first value of its enum (${JSON.stringify(first)})`);
    if (last !== first) edge('enum-ends', last, `at the last value of its enum (${JSON.stringify(last)})`);
    return;
  }
  if (schema.const !== undefined) {
    if (typeof schema.const === 'string') broken('enum', `${schema.const}X`, `other than its const ${JSON.stringify(schema.const)}`);
    return;
  }
  if (type === 'string') {
    stringCases(schema, broken, edge);
    // In a body only (a parameter of 1 MiB tests the URL's limits, not the body's); judged by its first maxLength + 1.
    const max = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
    const unit = typeof schema.pattern === 'string' ? fillerFor(safeRegExp(schema.pattern))(1) : 'a';
    if (!asText && max !== undefined && max < OVERSIZE && fails(unit.repeat(max + 1))) {
      const change = set(unit);
      add({ kind: 'invalid', rule: 'oversized', where: label, title: `${label} of 1 MiB (${OVERSIZE} characters), an oversized body far over its maxLength ${max}`, change: change.do === 'set' ? { ...change, repeat: OVERSIZE } : change });
    }
  }
  if (type === 'integer' || type === 'number') numberCases(schema, type, broken, edge);
}

type Emit = (rule: string, value: unknown, title: string) => void;

function stringCases(schema: Obj, broken: Emit, edge: Emit): void {
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  const min = typeof schema.minLength === 'number' ? schema.minLength : undefined;
  const pattern = typeof schema.pattern === 'string' ? safeRegExp(schema.pattern) : undefined;
  const filler = fillerFor(pattern);
  if (max !== undefined && max < 10_000) {
    broken('maxLength', filler(max + 1), `${max + 1} characters, over its maxLength ${max}`);
    edge('at-maxLength', filler(max), `at its maxLength (${max} characters)`);
  }
  if (min !== undefined && min > 0) {
    broken('minLength', filler(min - 1), `${min - 1} characters, under its minLength ${min}`);
    edge('at-minLength', filler(min), `at its minLength (${min} characters)`);
  }
  const format = typeof schema.format === 'string' ? BAD_FORMAT[schema.format] : undefined;
  if (format !== undefined) broken('format', format, `not a ${String(schema.format)} (${JSON.stringify(format)})`);
  if (pattern) {
    const length = Math.max(min ?? 1, Math.min(max ?? 3, 3));
    const off = ['!', '~', ' ', '#'].map((c) => c.repeat(length)).find((v) => !pattern.test(v));
    if (off !== undefined) broken('pattern', off, `not matching its pattern ${String(schema.pattern)} (${JSON.stringify(off)})`);
  }
}

/** Text of a given length the pattern accepts where one can be found among simple fillers: only the length is then wrong. */
function fillerFor(pattern: RegExp | undefined): (length: number) => string {
  const chars = ['a', 'A', '1', 'x'];
  return (length) => {
    for (const c of chars) {
      const v = c.repeat(length);
      if (!pattern || pattern.test(v)) return v;
    }
    return 'a'.repeat(length);
  };
}

function numberCases(schema: Obj, type: string, broken: Emit, edge: Emit): void {
  const step = type === 'integer' ? 1 : 0.5;
  if (typeof schema.maximum === 'number') {
    broken('maximum', schema.maximum + step, `${schema.maximum + step}, over its maximum ${schema.maximum}`);
    edge('at-maximum', schema.maximum, `at its maximum (${schema.maximum})`);
  }
  if (typeof schema.exclusiveMaximum === 'number') broken('maximum', schema.exclusiveMaximum, `${schema.exclusiveMaximum}, at its exclusiveMaximum`);
  if (typeof schema.minimum === 'number') {
    broken('minimum', schema.minimum - step, `${schema.minimum - step}, under its minimum ${schema.minimum}`);
    edge('at-minimum', schema.minimum, `at its minimum (${schema.minimum})`);
  }
  if (typeof schema.exclusiveMinimum === 'number') broken('minimum', schema.exclusiveMinimum, `${schema.exclusiveMinimum}, at its exclusiveMinimum`);
}

function safeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined;
  }
}
