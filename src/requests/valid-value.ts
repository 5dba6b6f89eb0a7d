import { SchemaCompileError } from '../contract/index.ts';
import type { SchemaIssue, SchemaValidators } from '../contract/index.ts';
import { generateValue, seedFor } from './generate-value.ts';
import type { GenerationSchemas } from './generation-schema.ts';

/** Where a value goes, for the seeds and the words of a reason: `body`, `query parameter 'limit'`. */
export interface ValueSite {
  /** What the reason calls it. */
  label: string;
  schemaPointer: string;
  /** The contract's examples, the first that validates used before any generation. */
  examples: readonly unknown[];
  /** A further demand on the value (a path segment a URL can carry): the reason it fails, or undefined. */
  unfit?: (value: unknown) => string | undefined;
}

export interface ValueSources {
  schemas: GenerationSchemas;
  validators: SchemaValidators;
  /** The run's seed. */
  seed: number;
  /** The operation the value is for: part of each value's seed. */
  operationId: string;
}

export type ChosenValue = { value: unknown } | { why: string };

/**
 * The chance of each optional property, attempt by attempt: a full value first, then smaller ones, the last
 * only what the schema requires, so that a schema whose optional corners json-schema-faker gets wrong still
 * gets a value.
 */
const OPTIONALS = [0.6, 0.6, 0.3, 0.3, 0];

/**
 * A value for a request part: the contract's first example that validates against its own schema (some real
 * contracts' examples do not), else one generated from the schema, validated with the partner's validators
 * and generated again with the next seed while invalid. When no attempt validates, the reason names the part
 * and the last attempt's first problem.
 */
export function chooseValue(src: ValueSources, site: ValueSite): ChosenValue {
  const example = site.examples.find((ex) => ex !== undefined && problemOf(src, site, ex) === undefined);
  if (example !== undefined) return { value: structuredClone(example) };
  let last = 'no attempt was made';
  for (let attempt = 0; attempt < OPTIONALS.length; attempt++) {
    let value: unknown;
    try {
      value = generateValue(src.schemas, site.schemaPointer, seedFor(src.seed, src.operationId, site.label, attempt), OPTIONALS[attempt] as number);
    } catch (e) {
      last = `json-schema-faker could not generate it (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`;
      continue;
    }
    const problem = problemOf(src, site, value);
    if (problem === undefined) return { value };
    last = problem;
  }
  return { why: `no ${site.label} valid against the contract could be generated in ${OPTIONALS.length} attempts: ${last}` };
}

/** What is wrong with a value: its first schema issue, or the site's own demand. A schema ajv cannot compile cannot judge it. */
function problemOf(src: ValueSources, site: ValueSite, value: unknown): string | undefined {
  let issues: SchemaIssue[];
  try {
    issues = src.validators.validate(site.schemaPointer, value);
  } catch (e) {
    if (e instanceof SchemaCompileError) issues = [];
    else throw e;
  }
  const first = issues[0];
  if (first) return `${first.at === '/' ? 'the value' : first.at} ${first.message}`;
  return site.unfit?.(value);
}
