import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** ISO 4217 minor-unit exponents by alphabetic code, from vocabulary/iso4217.yaml. */
export type ExponentTable = ReadonlyMap<string, number>;

const FILE = new URL('../../vocabulary/iso4217.yaml', import.meta.url);
let cached: ExponentTable | undefined;

/** The shipped table, read once (data, not code: adding a currency is one line of YAML). */
export function currencyExponents(): ExponentTable {
  if (!cached) {
    const raw = parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
    cached = new Map(Object.entries(raw).filter((e): e is [string, number] => Number.isInteger(e[1])));
  }
  return cached;
}
