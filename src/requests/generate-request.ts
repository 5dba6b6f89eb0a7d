import { fixtureId, isJsonType, requestMedia, seedFor, validSample } from '../contract/index.ts';
import type { Contract, Operation, ParameterSpec, SchemaValidators } from '../contract/index.ts';
import type { RequestParts } from '../http/index.ts';

/** What a request is generated from: the partner's contract and validators, and the run's seed. */
export interface RequestSources {
  contract: Contract;
  validators: SchemaValidators;
  seed: number;
}

/** A required part no value could be made for, and why: the request may still go when a pin or the caller gives it. */
export interface MissingPart {
  in: 'query' | 'header' | 'body';
  /** The parameter's name (a header's lower-cased); none for the body. */
  name?: string;
  why: string;
}

export interface GeneratedRequest {
  parts: RequestParts;
  missing: MissingPart[];
}

/** Headers railgate's client and signer write themselves, whatever the contract lists. */
const OWN_HEADERS = new Set(['accept', 'authorization', 'content-type', 'content-length', 'host']);

/**
 * A request for an operation from the contract alone, the same for the same seed: every required query and
 * header parameter and the body (its example when it validates, else generated from its schema: see
 * partValue), and each path parameter at its fixture id (fixtureId: the simulator holds a resource there;
 * the probe replaces it with the id of a resource it creates when the contract has a create for it).
 * Optional parameters are left out. A required part that cannot be made is listed in `missing`, with the reason.
 */
export function generateRequest(src: RequestSources, op: Operation): GeneratedRequest {
  const sources: ValueSources = { ...src, operationId: op.id };
  const parts: RequestParts = { params: {}, query: {}, headers: {} };
  const missing: MissingPart[] = [];
  const own = ownHeaders(src.contract);
  for (const p of op.parameters) {
    if (p.in === 'path') {
      parts.params![p.name] = fixtureId(src.contract, op, p);
      continue;
    }
    if (!p.required || p.in === 'cookie' || (p.in === 'header' && own.has(p.name.toLowerCase()))) continue;
    const name = p.in === 'header' ? p.name.toLowerCase() : p.name;
    const value = parameterValue(sources, p);
    if ('why' in value) missing.push({ in: p.in, name, why: value.why });
    else if (p.in === 'query') parts.query![name] = value.value;
    else parts.headers![name] = String(value.value);
  }
  // A template name the operation does not declare (Square's UpdateVendor): the path still needs it.
  for (const [, name] of op.path.matchAll(/\{([^}]+)\}/g)) parts.params![name!] ??= fixtureId(src.contract, op, { name: name!, in: 'path', required: true });
  const body = bodyOf(sources, op);
  if ('skip' in body) missing.push({ in: 'body', why: body.skip });
  else if (body.value !== undefined) parts.body = body.value;
  return { parts, missing };
}

/** The reason of the first missing part that `parts` (the generated request with pins and the caller's values over it) still lacks. */
export function unmetPart(missing: readonly MissingPart[], parts: RequestParts): string | undefined {
  const lacks = (m: MissingPart): boolean => (m.in === 'body' ? parts.body === undefined : (m.in === 'query' ? parts.query : parts.headers)?.[m.name!] === undefined);
  return missing.find(lacks)?.why;
}

/** What a request's values are made from: the request's sources, and the operation they are for (part of each value's seed). */
interface ValueSources extends RequestSources {
  operationId: string;
}

type PartValue = { value: unknown } | { why: string };

/**
 * A value for a request part (`body`, `query parameter 'limit'`): the contract's first example that validates
 * against its own schema (some real contracts' examples do not), else one generated from the schema as a request
 * (validSample: the same seed per operation and part, whatever ran before), or the reason none could be made.
 */
function partValue(src: ValueSources, label: string, pointer: string, examples: readonly unknown[], unfit?: (value: unknown) => string | undefined): PartValue {
  const seed = seedFor(src.seed, src.operationId, label);
  const sample = validSample(src.contract.bundled, src.validators, { pointer, direction: 'request', seed, label, examples, ...(unfit && { unfit }) });
  return sample.why === undefined ? { value: sample.value } : { why: sample.why };
}

/** The header names of the contract's API-key schemes: the signer sends those. */
function ownHeaders(contract: Contract): Set<string> {
  const names = Object.values(contract.securitySchemes)
    .filter((s) => s.type === 'apiKey' && s.in === 'header' && typeof s.name === 'string')
    .map((s) => (s.name as string).toLowerCase());
  return new Set([...OWN_HEADERS, ...names]);
}

type ParameterValue = { value: string | number | boolean } | { why: string };

/** A query or header parameter's value, as it travels: a list joined with commas (OpenAPI's `form`, `simple`). */
function parameterValue(src: ValueSources, p: ParameterSpec): ParameterValue {
  const label = `${p.in} parameter '${p.name}'`;
  if (!p.schemaPointer) return p.example === undefined ? { why: `required ${label} has no schema and no example in the contract` } : { value: onTheWire(p.example) ?? String(p.example) };
  const chosen = partValue(src, label, p.schemaPointer, [p.example], (v) => unfitParameter(p, v));
  if ('why' in chosen) return chosen;
  return { value: onTheWire(chosen.value) as string | number | boolean };
}

function onTheWire(value: unknown): string | number | boolean | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.join(',');
  return undefined;
}

/** A parameter railgate can send: a scalar or a list of them; in a header, visible ASCII with no edge spaces. */
function unfitParameter(p: ParameterSpec, value: unknown): string | undefined {
  const wire = onTheWire(value);
  if (wire === undefined) return 'is an object, which railgate does not serialise into a parameter';
  const text = String(wire);
  if (p.in === 'header' && !/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(text)) return `${JSON.stringify(text)} cannot be sent in a header`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) return `${JSON.stringify(text)} holds control characters`;
  return undefined;
}

/**
 * The request body: the contract's first example that validates, else one generated for its JSON (or form)
 * media. A body railgate cannot make (multipart, binary) is left out when optional, and skips the request when required.
 */
function bodyOf(src: ValueSources, op: Operation): { value?: unknown } | { skip: string } {
  const media = requestMedia(op);
  if (!op.requestBody || !media) return {};
  const required = op.requestBody.required;
  const examples = Object.values(media.examples);
  const generated = isJsonType(media.contentType) || media.contentType === 'application/x-www-form-urlencoded';
  if (!generated || !media.schemaPointer) {
    if (examples.length > 0) return { value: structuredClone(examples[0]) };
    if (!required) return {};
    return { skip: generated ? 'the request body has no schema and no example in the contract' : `the request body is ${media.contentType}, which railgate does not generate, and the contract gives no example` };
  }
  const chosen = partValue(src, 'body', media.schemaPointer, examples);
  if ('why' in chosen) return required ? { skip: chosen.why } : {};
  return { value: chosen.value };
}
