import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { addFormats } from './ajv-formats.ts';

const CONTRACT_ID = 'urn:railgate:contract';

export interface SchemaIssue {
  /** Where in the instance, e.g. `/amount`. */
  at: string;
  message: string;
}

/**
 * Validators for the schemas of one contract, compiled on first use and cached: the bundled document is
 * registered once and each schema is addressed by its pointer, so internal `$ref`s resolve as written.
 */
export class SchemaValidators {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(bundled: Record<string, unknown>, dialect: '3.0' | '3.1') {
    const options = { strict: false, allErrors: true, validateSchema: false, validateFormats: true, unicodeRegExp: false } as const;
    this.ajv = dialect === '3.1' ? new Ajv2020(options) : new Ajv(options);
    addFormats(this.ajv);
    for (const f of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'decimal']) this.ajv.addFormat(f, true);
    this.ajv.addSchema({ ...bundled, $id: CONTRACT_ID }, CONTRACT_ID);
  }

  validator(pointer: string): ValidateFunction {
    let v = this.cache.get(pointer);
    if (!v) {
      const found = this.ajv.getSchema(`${CONTRACT_ID}#${encodeURI(pointer)}`);
      if (!found) throw new Error(`no schema at ${pointer}`);
      v = found;
      this.cache.set(pointer, v);
    }
    return v;
  }

  validate(pointer: string, value: unknown): SchemaIssue[] {
    const v = this.validator(pointer);
    if (v(value)) return [];
    return (v.errors ?? []).map(toIssue);
  }
}

function toIssue(e: ErrorObject): SchemaIssue {
  let message = e.message ?? 'is invalid';
  if (e.keyword === 'additionalProperties') message = `has unknown property '${String((e.params as { additionalProperty: string }).additionalProperty)}'`;
  if (e.keyword === 'enum') message = `must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
  return { at: e.instancePath || '/', message };
}
