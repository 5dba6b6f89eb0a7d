import { generateSync } from 'json-schema-faker';
import type { JsonSchema } from 'json-schema-faker';
import { getPointer } from '../json/index.ts';
import type { Contract } from './model.ts';
import type { SchemaValidators } from './schema-validators.ts';

/** Seeds tried after the first: the faker does not always honour every keyword of a large schema. */
const TRIES = 4;

/**
 * A value for the contract's schema at `pointer`, generated with json-schema-faker from `seed` (the same seed,
 * the same value), that the schema accepts: what stands in for an example the contract does not give. The next
 * seeds are tried when the faker's value breaks the schema; undefined when none is accepted.
 */
export function generatedSample(contract: Contract, validators: SchemaValidators, pointer: string, seed: number): unknown {
  const schema = getPointer(contract.bundled, pointer) as JsonSchema | undefined;
  if (schema === undefined) return undefined;
  for (let i = 0; i < TRIES; i++) {
    let value: unknown;
    try {
      value = generateSync(schema, { seed: seed + i, optionalsProbability: 0.5, maxDepth: 6, refResolver: (ref: string) => getPointer(contract.bundled, ref.replace(/^#/, '')) as JsonSchema });
    } catch {
      // A schema the faker cannot serve: no sample.
      return undefined;
    }
    if (validators.validate(pointer, value).length === 0) return value;
  }
  return undefined;
}
