import { HTTP_METHODS, deref } from '../contract/index.ts';
import { getPointer, joinPointer, splitPointer, toPointer } from '../json/index.ts';
import { isRecord } from './record.ts';
import type { DocumentedCode } from './types.ts';

// Which partner error codes a contract documents: for every operation's non-2xx response, the schema
// property at the code location (its enum / const / examples) and the media type's examples.

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/** A code found, with the node that documents it (schema, or media type for media examples). */
interface Hit {
  code: string;
  statusKey: string;
  where: string;
  node: object;
}

type Emit = (value: unknown, kind: string, node: object) => void;

/**
 * Collects the codes an OpenAPI 3.0 / 3.1 document (dereferenced, or bundled with internal $refs)
 * documents at `codePointer` (a JSON Pointer or dotted path into the error body), each with where it
 * was found, e.g. "createPayout 422 example 'keyNotFound'". `status` is set only when the evidence
 * belongs to one status: an enum on an Error schema shared by the 400, 404 and 503 responses says the
 * code exists, not which status carries it, so such codes come without one (as do '4XX' and 'default').
 */
export function collectDocumentedCodes(openapiDoc: unknown, codePointer: string): DocumentedCode[] {
  if (!isRecord(openapiDoc)) return [];
  const hits = collectHits(openapiDoc, splitPointer(toPointer(codePointer)));
  const statusesOf = new Map<object, Set<string>>();
  for (const { node, statusKey } of hits) statusesOf.set(node, (statusesOf.get(node) ?? new Set()).add(statusKey));

  const found = new Map<string, DocumentedCode>();
  for (const { code, statusKey, where, node } of hits) {
    const specific = /^\d{3}$/.test(statusKey) && statusesOf.get(node)?.size === 1;
    found.set(`${code}\u0000${where}`, { code, ...(specific && { status: Number(statusKey) }), where });
  }
  return [...found.values()];
}

function collectHits(doc: Record<string, unknown>, segments: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  const resolve = (node: unknown) => deref(doc, node, '').node;
  for (const [path, rawItem] of entriesOf(doc.paths)) {
    const item = resolve(rawItem);
    for (const method of HTTP_METHODS) {
      const operation = isRecord(item) ? item[method] : undefined;
      if (!isRecord(operation)) continue;
      const name = typeof operation.operationId === 'string' ? operation.operationId : `${method.toUpperCase()} ${path}`;
      for (const [statusKey, rawResponse] of entriesOf(operation.responses)) {
        if (statusKey.startsWith('2')) continue;
        const emit: Emit = (value, kind, node) => {
          const code = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
          if (code !== '') hits.push({ code, statusKey, where: `${name} ${statusKey} ${kind}`, node });
        };
        const response = resolve(rawResponse);
        const content = isRecord(response) ? response.content : undefined;
        for (const [, media] of entriesOf(content)) collectFromMediaType(resolve(media), segments, emit, resolve);
      }
    }
  }
  return hits;
}

type Resolve = (node: unknown) => unknown;

function collectFromMediaType(media: unknown, segments: readonly string[], emit: Emit, resolve: Resolve): void {
  if (!isRecord(media)) return;
  walkSchema(media.schema, { segments, emit, resolve, seen: new Map() }, 0);
  if ('example' in media) emit(valueAt(media.example, segments), 'example', media);
  for (const [name, rawExample] of entriesOf(media.examples)) {
    const example = resolve(rawExample);
    if (isRecord(example) && 'value' in example) emit(valueAt(example.value, segments), `example '${name}'`, media);
  }
}

interface Walk {
  segments: readonly string[];
  emit: Emit;
  resolve: Resolve;
  /** Schema nodes visited, by depth: dereferenced documents may be circular. */
  seen: Map<object, Set<number>>;
}

// Follows the code location down the schema through properties, items and allOf/anyOf/oneOf. A schema
// example met on the way is read at the rest of the location.
function walkSchema(rawSchema: unknown, walk: Walk, depth: number): void {
  const schema = walk.resolve(rawSchema);
  if (!isRecord(schema)) return;
  const depths = walk.seen.get(schema) ?? new Set<number>();
  if (depths.has(depth)) return;
  walk.seen.set(schema, depths.add(depth));

  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    for (const branch of arrayOf(schema[keyword])) walkSchema(branch, walk, depth);
  }
  const rest = walk.segments.slice(depth);
  if ('example' in schema) walk.emit(valueAt(schema.example, rest), 'schema example', schema);
  for (const example of arrayOf(schema.examples)) walk.emit(valueAt(example, rest), 'schema example', schema);

  const segment = walk.segments[depth];
  if (segment === undefined) {
    for (const value of arrayOf(schema.enum)) walk.emit(value, 'enum', schema);
    if ('const' in schema) walk.emit(schema.const, 'const', schema);
    return;
  }
  const properties = schema.properties;
  if (isRecord(properties) && Object.hasOwn(properties, segment)) walkSchema(properties[segment], walk, depth + 1);
  if (ARRAY_INDEX.test(segment)) walkSchema(arrayOf(schema.prefixItems)[Number(segment)] ?? schema.items, walk, depth + 1);
}

function valueAt(value: unknown, segments: readonly string[]): unknown {
  return getPointer(value, joinPointer('', ...segments));
}

function entriesOf(value: unknown): Array<[string, unknown]> {
  return isRecord(value) ? Object.entries(value) : [];
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
