import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { addFormats } from '../contract/ajv-formats.ts';
import { InputError } from './input-error.ts';
import type { LocatedDocument } from './located-yaml.ts';
import { schemaProblems } from './schema-problems.ts';

/** The JSON Schemas that ship in `schemas/`, for the files users write (profiles, scenarios). */
export const SCHEMAS_DIR = new URL('../../schemas/', import.meta.url);

const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true } as const;

/** An ajv that knows every shipped schema; `source` keeps the generated code, for the build to save (scripts/build.ts). */
export function shippedAjv(opts: { source?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...(opts.source && { code: { source: true } }) });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-railgate' });
  for (const [file, schema] of shippedSchemas()) ajv.addSchema(schema, typeof schema.$id === 'string' ? undefined : file);
  return ajv;
}

let shipped: Map<string, Record<string, unknown>> | undefined;

function shippedSchemas(): Map<string, Record<string, unknown>> {
  shipped ??= new Map(readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json')).sort().map((f) => [f, JSON.parse(readFileSync(new URL(f, SCHEMAS_DIR), 'utf8')) as Record<string, unknown>]));
  return shipped;
}

/** What the validators are made from: every shipped schema and the options; a build's validators serve only the same. */
export function shippedSchemasHash(): string {
  const h = createHash('sha256').update(JSON.stringify(AJV_OPTIONS));
  for (const [file, schema] of shippedSchemas()) h.update(file).update(JSON.stringify(schema));
  return h.digest('hex');
}

/** Where the build leaves the shipped schemas' validators as code (ajv standalone): compiling the profile's takes 0.2–0.4 s a process. */
export const PRECOMPILED_VALIDATORS = new URL('../../dist/input-validators.cjs', import.meta.url);

interface Precompiled {
  hash: string;
  /** Export name by schema file. */
  files: Record<string, string>;
  [name: string]: unknown;
}

let ajv: Ajv2020 | undefined;
let precompiled: Precompiled | null | undefined;
const compiled = new Map<string, ValidateFunction>();

/**
 * Every shipped schema is known to ajv by its `$id` (or file name), so one schema reuses another's parts
 * by reference — the profile's `setup` items are the scenario language's steps
 * (`scenario.schema.json#/$defs/step`), never a copy of them. The build's compiled validators serve when they
 * were made from these very schemas; otherwise ajv compiles the one asked for.
 */
function validatorFor(schemaFile: string): ValidateFunction {
  let v = compiled.get(schemaFile);
  if (!v) {
    const built = precompiledValidators()?.files[schemaFile];
    v = built ? (precompiled?.[built] as ValidateFunction) : undefined;
    if (!v) {
      ajv ??= shippedAjv();
      const schema = shippedSchemas().get(schemaFile);
      const found = schema && ajv.getSchema(typeof schema.$id === 'string' ? schema.$id : schemaFile);
      if (!found) throw new Error(`schema ${schemaFile} is not in ${SCHEMAS_DIR.pathname}`);
      v = found;
    }
    compiled.set(schemaFile, v);
  }
  return v;
}

function precompiledValidators(): Precompiled | undefined {
  if (precompiled === undefined) {
    try {
      const module = createRequire(import.meta.url)(fileURLToPath(PRECOMPILED_VALIDATORS)) as Precompiled;
      precompiled = module.hash === shippedSchemasHash() ? module : null;
    } catch {
      precompiled = null;
    }
  }
  return precompiled ?? undefined;
}

/**
 * Validates a parsed file against a shipped schema; the type guard ties the schema to its TS type, so
 * loaders never cast parsed YAML. Problems come back located, all at once.
 */
export function validateInput<T>(doc: LocatedDocument, schemaFile: string): T {
  const validate = validatorFor(schemaFile);
  const shape = shapeMessage(shippedSchemas().get(schemaFile), doc.data);
  if (shape) throw new InputError([{ file: doc.file, line: 1, col: 1, path: '', message: shape }]);
  if (validate(doc.data)) return doc.data as T;
  throw new InputError(schemaProblems(doc, validate.errors ?? []));
}

/**
 * A file that is empty (or only comments), a list or a lone value where a map of keys belongs, said as such
 * with what it should hold, rather than "must be an object"; undefined when the file is a map.
 */
function shapeMessage(schema: unknown, data: unknown): string | undefined {
  const { title, required, type } = schema as { title?: string; required?: string[]; type?: string };
  if (type !== 'object' || (typeof data === 'object' && data !== null && !Array.isArray(data))) return undefined;
  const what = `${title ? `a ${title.replace(/^railgate /, '')}` : 'a map of keys'}${required?.length ? ` with ${required.join(', ')}` : ''}`;
  const found = data === null || data === undefined ? 'is empty' : Array.isArray(data) ? 'is a list' : `is a single ${typeof data}`;
  return `${found}: expected ${what}`;
}
