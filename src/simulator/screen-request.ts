import { checkRequest, isJsonType } from '../contract/index.ts';
import type { ConformanceIssue, Operation, SchemaValidators } from '../contract/index.ts';

/** A request the simulator goes on with (its body parsed), or the error it is refused with. */
export type Screened = { body: unknown } | { refuse: { status: number; code?: string; message: string; planted?: boolean } };

export interface ScreenInput {
  op: Operation;
  /** 'create', 'read', 'list' …: the route's kind (routes.ts). */
  kind: string;
  text: string;
  contentType?: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
}

/** ajv's words for a length rule broken: `must NOT have more than 64 characters`, `… fewer than 1 characters`. */
const LENGTH_RULE = /must NOT have (more|fewer) than \d+ characters/;

/**
 * The simulator's strict reading of a request, as a careful partner reads one (pure): a body under a content type
 * the operation does not take is refused 415, one that does not parse 400, one the contract refuses 400 — but a path
 * parameter no resource can have (an id off its pattern) is an unknown resource, 404. The conformance family's
 * planted defects each loosen one rule (defects.ts).
 */
export function screenRequest(validators: SchemaValidators, defects: ReadonlySet<string>, req: ScreenInput): Screened {
  const { op } = req;
  // A request without a body (a read) has no content type to judge and nothing to parse.
  const parsed = req.text === '' ? { body: undefined } : parseBody(op, defects, req.text, req.contentType);
  if ('refuse' in parsed) return parsed;
  const { body } = parsed;
  const reading = req.kind === 'read' || req.kind === 'list';
  if (defects.has('undocumented-status') && reading) {
    const unknown = Object.keys(req.query).filter((k) => !op.parameters.some((p) => p.in === 'query' && p.name === k));
    if (unknown.length > 0) return { refuse: { status: 400, code: 'INVALID_REQUEST', message: `unknown query parameter '${unknown[0]}'`, planted: true } };
  }
  const issues = loosened(defects, req.kind, checkRequest(validators, op, { pathParams: req.pathParams, query: req.query, headers: req.headers, body, ...(req.contentType ? { contentType: req.contentType } : {}) }));
  if (issues.length === 0) return { body };
  const message = issues.map((i) => i.message).join('; ');
  return { refuse: { status: issues.every((i) => i.in === 'path') ? 404 : 400, message } };
}

/** A body under a content type the operation does not take is refused 415, one that does not parse 400. */
function parseBody(op: Operation, defects: ReadonlySet<string>, text: string, contentType: string | undefined): Screened {
  const declared = declaredTypes(op);
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  const takes = (t: string | undefined): boolean => t !== undefined && declared.some((d) => d === t || d === '*/*' || (isJsonType(d) && isJsonType(t)));
  if (declared.length > 0 && !takes(type) && !defects.has('wrong-content-type')) {
    return { refuse: { status: 415, message: `the body is sent as ${type ?? 'no content type'}; ${op.id} takes ${declared.join(', ')}` } };
  }
  if (type === 'application/x-www-form-urlencoded' && takes(type)) return { body: Object.fromEntries(new URLSearchParams(text)) };
  try {
    return { body: JSON.parse(text) };
  } catch {
    if (defects.has('5xx-on-malformed-json')) return { refuse: { status: 500, code: 'INTERNAL_ERROR', message: 'Unexpected end of JSON input', planted: true } };
    return { refuse: { status: 400, code: 'INVALID_REQUEST', message: 'request body is not valid JSON' } };
  }
}

/** The content types an operation's body may be sent as: asked at every request, listed once per operation. */
function declaredTypes(op: Operation): readonly string[] {
  let types = declaredByOp.get(op);
  if (!types) declaredByOp.set(op, (types = op.requestBody?.content.map((m) => m.contentType) ?? []));
  return types;
}

const declaredByOp = new WeakMap<Operation, readonly string[]>();

/** The issues a planted defect lets through: all of a create's (`accepts-invalid`), or every length rule (`length-rule-ignored`). */
function loosened(defects: ReadonlySet<string>, kind: string, issues: ConformanceIssue[]): ConformanceIssue[] {
  if (defects.has('accepts-invalid') && kind === 'create') return [];
  if (defects.has('length-rule-ignored')) return issues.filter((i) => !LENGTH_RULE.test(i.message));
  return issues;
}
