import { findResponseSpec, isJsonType, pickMedia, schemaDeclares, schemaIssues, validSample } from '../contract/index.ts';
import type { Contract, Operation, SchemaIssue, SchemaValidators } from '../contract/index.ts';
import { joinPointer } from '../json/index.ts';
import { graft } from './graft.ts';

/** A body on its way out, as the operation's documented response for its status accepts it. */
export interface KeptBody {
  body: unknown;
  /**
   * Empty when the body conforms. Otherwise what is still wrong after every repair: the contract's schema admits
   * no body railgate can build (a cycle of required fields, a schema ajv cannot compile), a simulator limitation.
   */
  issues: SchemaIssue[];
}

/**
 * The simulator keeps the contract it serves (issue 17): every body it answers must be one the operation documents
 * for that status, or the contract family would blame the partner for railgate's own stand-in. A body that does
 * not conform — an id written into a closed schema, an example that breaks its own schema, an echo the schema does
 * not declare, a stray `$ref` or `x-` key — is grafted onto a body generated valid (graft.ts): what it meant to say
 * stays wherever the contract allows it. A status with no JSON schema documented leaves the body as it is.
 */
export function keepContract(contract: Contract, validators: SchemaValidators, op: Operation, status: number, body: unknown): KeptBody {
  const spec = findResponseSpec(op, status);
  const media = spec && pickMedia(spec.content, 'application/json');
  const pointer = media?.schemaPointer;
  if (!pointer || !isJsonType(media.contentType)) return { body, issues: [] };
  const accepts = (b: unknown): boolean => issuesOf(contract, validators, pointer, b).length === 0;
  const issues = issuesOf(contract, validators, pointer, body);
  if (issues.length === 0) return { body, issues };
  const generated = validSample(contract.bundled, validators, { pointer, direction: 'answer', seed: status, label: 'body' });
  if (generated.why !== undefined || !accepts(generated.value)) return { body, issues };
  return { body: graft(body, generated.value, accepts), issues: [] };
}

/** The validator's issues, and any `$ref` or `x-` key the schema does not declare (an open schema lets them by). */
function issuesOf(contract: Contract, validators: SchemaValidators, pointer: string, body: unknown): SchemaIssue[] {
  const issues = schemaIssues(validators, pointer, body);
  for (const at of strayKeys(body, '')) if (!schemaDeclares(contract.bundled, pointer, at)) issues.push({ at, message: 'is a schema keyword, not data' });
  return issues;
}

function strayKeys(node: unknown, at: string): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const found: string[] = [];
  // The pointer of a key is built only below a `$ref` or `x-` key: every answer is walked, few have one.
  for (const k in node) {
    const v = (node as Record<string, unknown>)[k];
    const stray = k === '$ref' || k.startsWith('x-');
    if (!stray && (typeof v !== 'object' || v === null)) continue;
    const here = joinPointer(at, Array.isArray(node) ? Number(k) : k);
    if (stray) found.push(here);
    found.push(...strayKeys(v, here));
  }
  return found;
}
