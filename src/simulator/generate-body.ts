import { generateSync } from 'json-schema-faker';
import type { SchemaIssue, SchemaValidators } from '../contract/index.ts';
import { fakerSchema } from './faker-schema.ts';

/** How many bodies are tried before the least wrong one is given back. */
const ATTEMPTS = 8;

export interface GeneratedBody {
  body: unknown;
  /** Empty when the body is valid: what is still wrong with the best body found otherwise. */
  issues: SchemaIssue[];
}

/**
 * A body generated from the schema at `pointer` that the contract's own validator accepts: generate, validate,
 * and try again with other seeds (and other `oneOf` branches) until one passes, keeping the least wrong one.
 * The first attempt takes every union's first branch; the same seed gives the same body.
 */
export function generateBody(doc: Record<string, unknown>, validators: SchemaValidators, pointer: string, seed: number): GeneratedBody {
  let best: GeneratedBody | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const pick = attempt === 0 ? () => 0 : picker(seed * 31 + attempt);
    let body: unknown;
    try {
      body = generateSync(fakerSchema(doc, pointer, pick), { seed: seed + attempt, optionalsProbability: 1, maxDepth: 200, maxDefaultItems: 1 });
    } catch {
      continue; // a schema the faker cannot serve with these picks: try others
    }
    const issues = schemaIssues(validators, pointer, body);
    if (issues.length === 0) return { body, issues };
    if (!best || issues.length < best.issues.length) best = { body, issues };
  }
  return best ?? { body: {}, issues: schemaIssues(validators, pointer, {}) };
}

/** The schema's issues with a body; a schema ajv cannot compile is one issue, never a throw. */
export function schemaIssues(validators: SchemaValidators, pointer: string, body: unknown): SchemaIssue[] {
  try {
    return validators.validate(pointer, body);
  } catch (e) {
    // A schema ajv cannot compile (lint reports it, located): no body can be shown to conform.
    return [{ at: '/', message: `cannot be checked: ${e instanceof Error ? e.message : String(e)}` }];
  }
}

/** A seeded choice among `count` branches (mulberry32): no state shared with the simulator's own random. */
function picker(seed: number): (count: number) => number {
  let s = seed >>> 0;
  return (count) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % count) | 0;
  };
}
