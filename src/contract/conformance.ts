import type { MediaSpec, Operation, ResponseSpec } from './model.ts';
import type { SchemaValidators } from './schema-validators.ts';

export interface ObservedResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, else the raw text. */
  body: unknown;
}

export interface ObservedRequest {
  pathParams: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  contentType?: string;
}

export type ConformanceRule = 'undocumented-status' | 'body-schema' | 'missing-header' | 'content-type' | 'missing-parameter' | 'parameter-schema' | 'missing-body';

export interface ConformanceIssue {
  rule: ConformanceRule;
  message: string;
  /** Where a request issue is: a parameter's place, or the body. */
  in?: 'path' | 'query' | 'header' | 'cookie' | 'body';
}

/** The documented response for a status: exact code, then its class (`4XX`), then `default`. */
export function findResponseSpec(op: Operation, status: number): ResponseSpec | undefined {
  const exact = String(status);
  const range = `${exact[0]}XX`;
  return op.responses.find((r) => r.status === exact) ?? op.responses.find((r) => r.status === range) ?? op.responses.find((r) => r.status === 'DEFAULT');
}

export function isJsonType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const t = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return t === 'application/json' || t.endsWith('+json') || t === '*/*';
}

export function pickMedia(content: MediaSpec[], contentType: string | undefined): MediaSpec | undefined {
  const t = contentType?.split(';')[0]?.trim().toLowerCase();
  return content.find((m) => m.contentType === t) ?? content.find((m) => isJsonType(m.contentType)) ?? content[0];
}

/** Does a response conform to the contract: status documented, required headers present, body valid. */
export function checkResponse(validators: SchemaValidators, op: Operation, res: ObservedResponse): ConformanceIssue[] {
  const spec = findResponseSpec(op, res.status);
  if (!spec) {
    const documented = op.responses.map((r) => r.status).join(', ');
    return [{ rule: 'undocumented-status', message: `${op.id} answered ${res.status}, which the contract does not document (documented: ${documented})` }];
  }
  const issues: ConformanceIssue[] = [];
  for (const h of spec.headers) {
    if (h.required && res.headers[h.name] === undefined) issues.push({ rule: 'missing-header', message: `${op.id} ${res.status}: required header '${h.name}' is missing` });
  }
  if (spec.content.length === 0) return issues;
  const contentType = res.headers['content-type'];
  const media = pickMedia(spec.content, contentType);
  if (!media) return issues;
  const declared = contentType?.split(';')[0]?.trim().toLowerCase();
  if (declared && !spec.content.some((m) => m.contentType === declared || m.contentType === '*/*')) {
    issues.push({ rule: 'content-type', message: `${op.id} ${res.status}: content-type '${declared}' is not documented (documented: ${spec.content.map((m) => m.contentType).join(', ')})` });
    return issues;
  }
  if (media.schemaPointer && isJsonType(media.contentType)) {
    for (const i of validators.validate(media.schemaPointer, res.body)) {
      issues.push({ rule: 'body-schema', message: `${op.id} ${res.status}: body ${i.at} ${i.message}` });
    }
  }
  return issues;
}

/** Does a request conform: required parameters present and valid, body valid. Used by the simulator. */
export function checkRequest(validators: SchemaValidators, op: Operation, req: ObservedRequest): ConformanceIssue[] {
  const issues: ConformanceIssue[] = [];
  for (const p of op.parameters) {
    const source = p.in === 'path' ? req.pathParams : p.in === 'query' ? req.query : p.in === 'header' ? req.headers : undefined;
    if (!source) continue;
    const raw = source[p.in === 'header' ? p.name.toLowerCase() : p.name];
    if (raw === undefined) {
      if (p.required) issues.push({ rule: 'missing-parameter', in: p.in, message: `${p.in} parameter '${p.name}' is required` });
      continue;
    }
    if (p.schemaPointer) {
      for (const i of validators.validate(p.schemaPointer, coerceParameter(raw, validators, p.schemaPointer))) {
        issues.push({ rule: 'parameter-schema', in: p.in, message: `${p.in} parameter '${p.name}' ${i.message}` });
      }
    }
  }
  const rb = op.requestBody;
  if (rb) {
    if (req.body === undefined || req.body === '') {
      if (rb.required) issues.push({ rule: 'missing-body', in: 'body', message: 'request body is required' });
    } else {
      const media = pickMedia(rb.content, req.contentType);
      if (media?.schemaPointer && isJsonType(media.contentType)) {
        for (const i of validators.validate(media.schemaPointer, req.body)) issues.push({ rule: 'body-schema', in: 'body', message: `body ${i.at} ${i.message}` });
      }
    }
  }
  return issues;
}

/** Parameters travel as text; a numeric or boolean schema reads them as such. */
export function coerceParameter(raw: string, validators: SchemaValidators, pointer: string): unknown {
  if (validators.validate(pointer, raw).length === 0) return raw;
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return raw;
}
