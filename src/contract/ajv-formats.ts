import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

type AddFormats = (ajv: Ajv) => Ajv;

/**
 * ajv-formats is CommonJS with `exports.default`; under NodeNext the callable sits on `.default`
 * when imported from ESM. One place for the interop, shared by every ajv instance in railgate.
 */
export const addFormats: AddFormats =
  ((addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats));

/** Formats OpenAPI names for sizes and encodings: accepted as written, as partners' SDKs do. */
const OPENAPI_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'decimal'];

/** The formats a contract's validators check: JSON Schema's, plus OpenAPI's accepted as written. */
export function addContractFormats(ajv: Ajv): void {
  addFormats(ajv);
  for (const f of OPENAPI_FORMATS) ajv.addFormat(f, true);
}

let known: ReadonlySet<string> | undefined;

/**
 * The format names a contract's validators know, read from an ajv set up as they are, so the loader's
 * "unknown format" warnings and what validation checks cannot drift apart.
 */
export function knownContractFormats(): ReadonlySet<string> {
  if (!known) {
    const probe = new Ajv({ logger: false });
    addContractFormats(probe);
    known = new Set(Object.keys(probe.formats));
  }
  return known;
}
