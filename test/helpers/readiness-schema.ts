import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { addFormats } from '../../src/contract/ajv-formats.ts';
import { REPO } from './workspace.ts';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(path.join(REPO, 'schemas/readiness.schema.json'), 'utf8')) as object);

/** What in a readiness verdict (as written to `<partner>.json`) breaks schemas/readiness.schema.json; empty when it conforms. */
export function readinessSchemaProblems(verdict: unknown): string[] {
  return validate(JSON.parse(JSON.stringify(verdict))) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
