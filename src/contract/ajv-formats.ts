import type { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

type AddFormats = (ajv: Ajv) => Ajv;

/**
 * ajv-formats is CommonJS with `exports.default`; under NodeNext the callable sits on `.default`
 * when imported from ESM. One place for the interop, shared by every ajv instance in railgate.
 */
export const addFormats: AddFormats =
  ((addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats));
