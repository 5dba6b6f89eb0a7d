import { generateSync } from 'json-schema-faker';
import { createRng } from '../random/index.ts';
import type { GenerationSchemas } from './generation-schema.ts';

/**
 * A value for the schema at a pointer of the contract, from a seed: the same seed gives the same value.
 * `optionals` is the chance of each optional property being filled; 0 gives the smallest value the schema
 * allows. Throws when json-schema-faker cannot make one (a `false` schema, a pattern it cannot read).
 */
export function generateValue(schemas: GenerationSchemas, pointer: string, seed: number, optionals: number): unknown {
  const schema = schemas.at(pointer);
  if (schema === undefined) throw new Error(`the contract has no schema at ${pointer}`);
  // The prepared schema is finite (cut where a $ref repeats): json-schema-faker's own depth cut must not bite.
  return generateSync(schema, { seed, maxDepth: 100, maxDefaultItems: 2, optionalsProbability: optionals });
}

/** One seed per operation, part and attempt, drawn from the run's seed: the same whatever ran before. */
export function seedFor(seed: number, ...names: Array<string | number>): number {
  return createRng(seed).fork(names.join('\u0000')).seed;
}
