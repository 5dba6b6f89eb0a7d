import { readFileSync } from 'node:fs';
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

function validatorFor(schemaFile: string): ValidateFunction {
  let v = compiled.get(schemaFile);
  if (!v) {
    const schema = JSON.parse(readFileSync(new URL(schemaFile, SCHEMAS_DIR), 'utf8')) as Record<string, unknown>;
    v = ajv.compile(schema);
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
  if (validate(doc.data)) return doc.data as T;
  throw new InputError(schemaProblems(doc, validate.errors ?? []));
}
