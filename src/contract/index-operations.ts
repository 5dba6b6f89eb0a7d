import { HTTP_METHODS, isMutating } from './model.ts';
import type { HttpMethod, MediaSpec, Operation, ParameterSpec, ResponseSpec } from './model.ts';
import { getPointer, joinPointer } from '../json/index.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Follows internal `$ref`s (the document is bundled, so every ref is internal). */
export function deref(doc: Obj, node: unknown, pointer: string): { node: unknown; pointer: string } {
  let cur = node;
  let at = pointer;
  for (let hops = 0; hops < 32 && isObj(cur) && typeof cur.$ref === 'string'; hops++) {
    const ref = cur.$ref;
    if (!ref.startsWith('#')) break;
    at = ref.slice(1);
    cur = getPointer(doc, at);
  }
  return { node: cur, pointer: at };
}

/** Indexes every operation of a bundled OpenAPI 3.x document by operationId (pure). */
export function indexOperations(doc: Obj): { operations: Map<string, Operation>; problems: Array<{ pointer: string; message: string }> } {
  const operations = new Map<string, Operation>();
  const problems: Array<{ pointer: string; message: string }> = [];
  const paths = isObj(doc.paths) ? doc.paths : {};
  const rootSecurity = Array.isArray(doc.security) ? (doc.security as Array<Record<string, string[]>>) : [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const itemPointer = joinPointer('', 'paths', path);
    const { node: item, pointer: itemAt } = deref(doc, rawItem, itemPointer);
    if (!isObj(item)) continue;
    const shared = pathItemParameters(item, itemAt);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObj(op)) continue;
      const pointer = joinPointer(itemAt, method);
      const id = typeof op.operationId === 'string' ? op.operationId : `${method.toUpperCase()} ${path}`;
      if (operations.has(id)) {
        problems.push({ pointer: joinPointer(pointer, 'operationId'), message: `operationId '${id}' is used twice` });
        continue;
      }
      operations.set(id, readOperation(doc, op, { id, method, path, pointer, shared, security: rootSecurity }));
    }
  }
  return { operations, problems };
}

/** A path item's own parameters, each with where it sits: every operation under it inherits them. */
export function pathItemParameters(item: Obj, itemAt: string): ReadonlyArray<readonly [unknown, string]> {
  return (Array.isArray(item.parameters) ? item.parameters : []).map((p, i) => [p, joinPointer(itemAt, 'parameters', i)] as const);
}

/** Where an operation object sits and what it inherits: its path item's parameters, the security in force above it. */
export interface OperationPlace {
  id: string;
  method: HttpMethod;
  path: string;
  pointer: string;
  shared: ReadonlyArray<readonly [unknown, string]>;
  security: Array<Record<string, string[]>>;
}

/** Reads one operation object (pure): an operation railgate calls, or an event its receiver is sent. */
export function readOperation(doc: Obj, op: Obj, at: OperationPlace): Operation {
  return {
    id: at.id,
    method: at.method,
    path: at.path,
    pointer: at.pointer,
    summary: typeof op.summary === 'string' ? op.summary : undefined,
    tags: Array.isArray(op.tags) ? op.tags.map(String) : [],
    parameters: readParameters(doc, [...at.shared, ...(Array.isArray(op.parameters) ? op.parameters : []).map((p, i) => [p, joinPointer(at.pointer, 'parameters', i)] as const)]),
    requestBody: readRequestBody(doc, op.requestBody, joinPointer(at.pointer, 'requestBody')),
    responses: readResponses(doc, op.responses, joinPointer(at.pointer, 'responses')),
    security: Array.isArray(op.security) ? (op.security as Array<Record<string, string[]>>) : at.security,
    mutating: isMutating(at.method),
  };
}

function readParameters(doc: Obj, raw: ReadonlyArray<readonly [unknown, string]>): ParameterSpec[] {
  const byKey = new Map<string, ParameterSpec>();
  for (const [p, at] of raw) {
    const { node, pointer } = deref(doc, p, at);
    if (!isObj(node) || typeof node.name !== 'string') continue;
    const where = node.in as ParameterSpec['in'];
    const schemaAt = isObj(node.schema) ? joinPointer(pointer, 'schema') : undefined;
    const example = node.example ?? firstExample(doc, node.examples) ?? (schemaAt ? schemaExample(doc, node.schema) : undefined);
    // Operation-level parameters override path-level ones of the same name and location.
    byKey.set(`${where}:${node.name}`, {
      name: node.name,
      in: where,
      required: node.required === true || where === 'path',
      schemaPointer: schemaAt,
      example,
    });
  }
  return [...byKey.values()];
}

function readRequestBody(doc: Obj, raw: unknown, at: string): Operation['requestBody'] {
  if (raw === undefined) return undefined;
  const { node, pointer } = deref(doc, raw, at);
  if (!isObj(node)) return undefined;
  return { required: node.required === true, content: readContent(doc, node.content, joinPointer(pointer, 'content')) };
}

function readResponses(doc: Obj, raw: unknown, at: string): ResponseSpec[] {
  if (!isObj(raw)) return [];
  const out: ResponseSpec[] = [];
  for (const [status, r] of Object.entries(raw)) {
    const { node, pointer } = deref(doc, r, joinPointer(at, status));
    if (!isObj(node)) continue;
    const headers: ResponseSpec['headers'] = [];
    if (isObj(node.headers)) {
      for (const [name, h] of Object.entries(node.headers)) {
        const { node: hn, pointer: hp } = deref(doc, h, joinPointer(pointer, 'headers', name));
        if (!isObj(hn)) continue;
        headers.push({ name: name.toLowerCase(), required: hn.required === true, schemaPointer: isObj(hn.schema) ? joinPointer(hp, 'schema') : undefined });
      }
    }
    out.push({
      status: status.toUpperCase(),
      description: typeof node.description === 'string' ? node.description : '',
      content: readContent(doc, node.content, joinPointer(pointer, 'content')),
      headers,
    });
  }
  return out;
}

function readContent(doc: Obj, raw: unknown, at: string): MediaSpec[] {
  if (!isObj(raw)) return [];
  return Object.entries(raw).map(([contentType, m]) => {
    const media = isObj(m) ? m : {};
    const examples: Record<string, unknown> = {};
    if (isObj(media.examples)) {
      for (const [name, ex] of Object.entries(media.examples)) {
        const { node: v } = deref(doc, ex, '');
        if (isObj(v) && 'value' in v) examples[name] = v.value;
      }
    }
    if (media.example !== undefined) examples.default = media.example;
    if (Object.keys(examples).length === 0 && isObj(media.schema)) {
      const ex = schemaExample(doc, media.schema);
      if (ex !== undefined) examples.default = ex;
    }
    return {
      contentType: contentType.toLowerCase(),
      schemaPointer: isObj(media.schema) ? joinPointer(at, contentType, 'schema') : undefined,
      examples,
    };
  });
}

function schemaExample(doc: Obj, schema: unknown): unknown {
  const { node } = deref(doc, schema, '');
  if (!isObj(node)) return undefined;
  if (node.example !== undefined) return node.example;
  if (Array.isArray(node.examples) && node.examples.length > 0) return node.examples[0];
  return undefined;
}

function firstExample(doc: Obj, examples: unknown): unknown {
  if (!isObj(examples)) return undefined;
  for (const ex of Object.values(examples)) {
    const { node: v } = deref(doc, ex, '');
    if (isObj(v) && 'value' in v) return v.value;
  }
  return undefined;
}
