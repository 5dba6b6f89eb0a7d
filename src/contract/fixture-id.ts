import { generateSync } from 'json-schema-faker';
import type { JsonSchema } from 'json-schema-faker';
import { getPointer } from '../json/index.ts';
import { createRng } from '../random/index.ts';
import type { Contract, Operation, ParameterSpec } from './model.ts';

/**
 * The id of a resource the contract reads or acts on but never creates (PayPal's authorizations, made by its
 * Orders API): the path parameter's example, else a value generated from its schema with a seed of the
 * operation's path and the parameter's name. The simulator holds a resource under this id from the start, and
 * the request generator uses it when no create of the contract can give one, so both agree without a word.
 */
export function fixtureId(contract: Contract, op: Operation, param: ParameterSpec): string {
  if (typeof param.example === 'string' || typeof param.example === 'number') return String(param.example);
  const schema = param.schemaPointer ? (getPointer(contract.bundled, param.schemaPointer) as JsonSchema | undefined) : undefined;
  if (schema && typeof schema === 'object') {
    try {
      const value = generateSync({ ...schema, type: 'string' } as JsonSchema, { seed: createRng(0).fork(`${op.path} ${param.name}`).seed, alwaysFakeOptionals: true });
      if (typeof value === 'string' && value.length > 0 && !/[/?#]/.test(value)) return value;
    } catch {
      // A schema json-schema-faker cannot serve: the fixed id below.
    }
  }
  return `${param.name.replace(/[^A-Za-z0-9]/g, '').toLowerCase() || 'id'}-fixture-1`;
}
