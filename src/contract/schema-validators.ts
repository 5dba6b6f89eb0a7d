import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { splitPointer } from '../json/index.ts';
import { formatPath } from '../source/index.ts';
import { addContractFormats } from './ajv-formats.ts';
import { culpritOf } from './schema-culprit.ts';
import { closestBranchErrors } from './union-errors.ts';

const CONTRACT_ID = 'urn:railgate:contract';

/** A schema of the contract ajv refuses to compile (a `minimum: 'ten'`), named by its pointer in the bundled document. */
export class SchemaCompileError extends Error {
  constructor(
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(`railgate cannot validate against the contract's schema at ${formatPath(splitPointer(pointer)) || 'its root'}: ${reason}`);
    this.name = 'SchemaCompileError';
  }
}

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

  constructor(
    private readonly bundled: Record<string, unknown>,
    dialect: '3.0' | '3.1',
  ) {
    // No logger: the loader reports each unknown format once, located; ajv would print it to stderr at every compile.
    const options = { strict: false, allErrors: true, verbose: true, validateSchema: false, validateFormats: true, unicodeRegExp: false, logger: false } as const;
    this.ajv = dialect === '3.1' ? new Ajv2020(options) : new Ajv(options);
    addContractFormats(this.ajv);
    try {
      this.ajv.addSchema({ ...bundled, $id: CONTRACT_ID }, CONTRACT_ID);
    } catch (e) {
      throw new SchemaCompileError('', reasonOf(e));
    }
  }

  validator(pointer: string): ValidateFunction {
    let v = this.cache.get(pointer);
    if (!v) {
      let found: ValidateFunction | undefined;
      try {
        found = this.ajv.getSchema(`${CONTRACT_ID}#${encodeURI(pointer)}`);
      } catch (e) {
        const reason = reasonOf(e);
        throw new SchemaCompileError(culpritOf(this.bundled, pointer, reason, (p) => this.compiles(p)), reason);
      }
      if (!found) throw new Error(`no schema at ${pointer}`);
      v = found;
      this.cache.set(pointer, v);
    }
    return v;
  }

  private compiles(pointer: string): boolean {
    try {
      return this.ajv.getSchema(`${CONTRACT_ID}#${encodeURI(pointer)}`) !== undefined;
    } catch {
      return false;
    }
  }

  validate(pointer: string, value: unknown): SchemaIssue[] {
    return this.errorsOf(pointer, value).map(toIssue);
  }

  /** ajv's errors, a failed union's narrowed to the branch the value is closest to (union-errors.ts). */
  private errorsOf(pointer: string, value: unknown): ErrorObject[] {
    const v = this.validator(pointer);
    if (v(value)) return [];
    return closestBranchErrors([...(v.errors ?? [])], (branch, data) => this.errorsOf(branch, data));
  }
}

function reasonOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

function toIssue(e: ErrorObject): SchemaIssue {
  let message = e.message ?? 'is invalid';
  if (e.keyword === 'additionalProperties') message = `has unknown property '${String((e.params as { additionalProperty: string }).additionalProperty)}'`;
  if (e.keyword === 'enum') message = `must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
  return { at: e.instancePath || '/', message };
}
