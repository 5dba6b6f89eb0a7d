/**
 * OpenAPI 3.0 schemas are a draft-04/05 dialect with `nullable`; OpenAPI 3.1 schemas are JSON Schema 2020-12.
 * Published contracts mix the two (a 3.1 document with `nullable`, a 3.0 one with `type: [x, 'null']`), and
 * common OpenAPI tools read either form in either version; so does railgate, in two places:
 * - `normalizeSchemas` rewrites the bundled document once, after validation, into what a standard
 *   validator reads as meant, in both versions: `nullable` becomes a `null` alternative, boolean
 *   `exclusiveMinimum/Maximum` their numeric form, and `$id` and anchors go (refs were resolved by pointer).
 * - `as30ForValidation` gives the OpenAPI 3.0 meta-schema a view of a 3.0 document with the 2020-12 forms
 *   said the 3.0 way, so a mixture is not refused for its spelling.
 * Only schema positions are touched: examples, defaults, enums and `x-` extensions are data, and the keys
 * of name maps (`properties`, `responses`, …) are names, not keywords.
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys whose values are data or extensions, never schemas. */
export const DATA_KEYS: ReadonlySet<string> = new Set(['example', 'examples', 'default', 'enum', 'const']);

/**
 * Keys whose values map names to objects — schemas by name, responses by status, media by type: the map's
 * own keys are names, never keywords (a `default` response is no schema's default value).
 */
export const NAME_MAPS: ReadonlySet<string> = new Set([
  'schemas', 'properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas',
  'paths', 'webhooks', 'pathItems', 'callbacks', 'responses', 'requestBodies', 'parameters', 'headers', 'content', 'encoding', 'links', 'securitySchemes',
]);

/** Keywords of later JSON Schema drafts that the OpenAPI 3.0 Schema Object does not allow: its meta-schema refuses them. */
export const LATER_KEYWORDS: readonly string[] = [
  '$defs', '$schema', '$id', '$anchor', '$comment', '$dynamicRef', '$dynamicAnchor', 'const', 'if', 'then', 'else',
  'prefixItems', 'contains', 'minContains', 'maxContains', 'patternProperties', 'propertyNames', 'dependentRequired',
  'dependentSchemas', 'unevaluatedProperties', 'unevaluatedItems', 'contentMediaType', 'contentEncoding', 'contentSchema',
];

/** 2020-12 keywords that the draft-07 validators of an OpenAPI 3.0 contract do not apply. */
export const IGNORED_IN_30: readonly string[] = ['prefixItems', 'minContains', 'maxContains', 'dependentRequired', 'dependentSchemas', 'unevaluatedProperties', 'unevaluatedItems'];

/** Keywords that can refuse `null` whatever the type says: a nullable schema wraps them in an alternative. */
const NULL_REFUSING = ['$ref', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'const', 'discriminator'];

const MAX_DEPTH = 200;

/** Rewrites the schemas of a bundled document in place (see the file comment); returns the document. */
export function normalizeSchemas<T>(doc: T): T {
  const visit = (node: unknown, named: boolean, depth: number): void => {
    if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, false, depth + 1);
      return;
    }
    const o = node as Obj;
    for (const [k, v] of Object.entries(o)) {
      if (named || !(DATA_KEYS.has(k) || k.startsWith('x-'))) visit(v, !named && NAME_MAPS.has(k), depth + 1);
    }
    if (!named) normalizeSchema(o);
  };
  visit(doc, false, 0);
  return doc;
}

function normalizeSchema(o: Obj): void {
  // A schema named `nullable` under `components.schemas` is an object: only keyword values are read.
  if ('nullable' in o && !isObj(o.nullable)) {
    const nullable = o.nullable === true;
    delete o.nullable;
    if (nullable) allowNull(o);
  }
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof o[exclusive] !== 'boolean') continue;
    if (o[exclusive] && typeof o[bound] === 'number') {
      o[exclusive] = o[bound];
      delete o[bound];
    } else delete o[exclusive];
  }
  // swagger-parser resolved every `$ref` against the document, by pointer: an `$id` would make ajv resolve
  // them elsewhere, and anchors name nothing railgate follows (a duplicate one stops ajv registering the document).
  for (const k of ['$id', '$anchor', '$dynamicAnchor']) if (typeof o[k] === 'string') delete o[k];
}

/**
 * `nullable: true` adds `null` to what the schema accepts. `type` and `enum` take it directly; keywords that
 * could still refuse it (`$ref`, `allOf`, …) move into an alternative beside `{ type: 'null' }`, which is how
 * `nullable` beside a `$ref`, or without a `type`, reads in the tools partners use.
 */
function allowNull(o: Obj): void {
  if (typeof o.type === 'string' && o.type !== 'null') o.type = [o.type, 'null'];
  else if (Array.isArray(o.type) && !o.type.includes('null')) o.type = [...o.type, 'null'];
  if (Array.isArray(o.enum) && !o.enum.includes(null)) o.enum = [...o.enum, null];
  const refusing = NULL_REFUSING.filter((k) => k in o);
  if (refusing.length === 0) return;
  const branch: Obj = {};
  for (const k of refusing) {
    branch[k] = o[k];
    delete o[k];
  }
  o.anyOf = [branch, { type: 'null' }];
}

/**
 * A view of an OpenAPI 3.0 document for its meta-schema: 2020-12 forms in schemas said the 3.0 way
 * (`type: [x, 'null']` → `type: x, nullable: true`) or left out. Changed objects are copies; everything
 * else is shared with the document, which stays as it is.
 */
export function as30ForValidation(doc: Obj): Obj {
  const visit = (node: unknown, named: boolean, depth: number): unknown => {
    if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) {
      const items = node.map((item) => visit(item, false, depth + 1));
      return items.some((item, i) => item !== node[i]) ? items : node;
    }
    const o = node as Obj;
    let copy: Obj | undefined;
    for (const [k, v] of Object.entries(o)) {
      if (!named && (DATA_KEYS.has(k) || k.startsWith('x-'))) continue;
      const next = visit(v, !named && NAME_MAPS.has(k), depth + 1);
      if (next !== v) (copy ??= { ...o })[k] = next;
    }
    const schema = named ? undefined : as30Schema(copy ?? o);
    return schema ?? copy ?? o;
  };
  return visit(doc, false, 0) as Obj;
}

/** The 3.0 spelling of one schema, or undefined when it has nothing to change. */
function as30Schema(o: Obj): Obj | undefined {
  const later = LATER_KEYWORDS.filter((k) => k in o);
  const typeArray = Array.isArray(o.type);
  const examplesArray = Array.isArray(o.examples);
  const numericBound = typeof o.exclusiveMinimum === 'number' || typeof o.exclusiveMaximum === 'number';
  if (later.length === 0 && !typeArray && !examplesArray && !numericBound) return undefined;
  const out: Obj = { ...o };
  for (const k of later) delete out[k];
  if (examplesArray) delete out.examples;
  if (typeof out.exclusiveMinimum === 'number') delete out.exclusiveMinimum;
  if (typeof out.exclusiveMaximum === 'number') delete out.exclusiveMaximum;
  if (typeArray) {
    const types = (o.type as unknown[]).filter((t) => t !== 'null');
    if (types.length === 1) out.type = types[0];
    else delete out.type;
    if (types.length < (o.type as unknown[]).length) out.nullable = true;
  }
  return out;
}
