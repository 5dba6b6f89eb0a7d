import { readFileSync, readdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { addFormats } from '../contract/ajv-formats.ts';
import { InputError } from './input-error.ts';
import type { LocatedDocument } from './located-yaml.ts';
import { schemaProblems } from './schema-problems.ts';

/** The JSON Schemas that ship in `schemas/`, for the files users write (profiles, scenarios). */
export const SCHEMAS_DIR = new URL('../../schemas/', import.meta.url);

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
addFormats(ajv);
ajv.addKeyword({ keyword: 'x-railgate' });

const compiled = new Map<string, ValidateFunction>();
let registered = false;

/**
 * Every shipped schema is known to ajv by its `$id` (or file name), so one schema reuses another's parts
 * by reference — the profile's `setup` items are the scenario language's steps
 * (`scenario.schema.json#/$defs/step`), never a copy of them.
 */
function registerShipped(): void {
  if (registered) return;
  registered = true;
  for (const file of readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json'))) {
    const schema = JSON.parse(readFileSync(new URL(file, SCHEMAS_DIR), 'utf8')) as Record<string, unknown>;
    ajv.addSchema(schema, typeof schema.$id === 'string' ? undefined : file);
  }
}

function validatorFor(schemaFile: string): ValidateFunction {
  let v = compiled.get(schemaFile);
  if (!v) {
    registerShipped();
    const schema = JSON.parse(readFileSync(new URL(schemaFile, SCHEMAS_DIR), 'utf8')) as Record<string, unknown>;
    const found = ajv.getSchema(typeof schema.$id === 'string' ? schema.$id : schemaFile);
    if (!found) throw new Error(`schema ${schemaFile} is not in ${SCHEMAS_DIR.pathname}`);
    v = found;
    compiled.set(schemaFile, v);
  }
  return v;
}

/**
 * Validates a parsed file against a shipped schema; the type guard ties the schema to its TS type, so
 * loaders never cast parsed YAML. Problems come back located, all at once.
 */
export function validateInput<T>(doc: LocatedDocument, schemaFile: string): T {
  const validate = validatorFor(schemaFile);
  const shape = shapeMessage(validate.schema, doc.data);
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
