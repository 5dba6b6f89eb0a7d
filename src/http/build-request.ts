import type { Operation } from '../contract/index.ts';
import type { HttpRequest } from './model.ts';

export interface RequestParts {
  params?: Record<string, string | number | boolean>;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Builds the HTTP request for an operation: path template filled, query encoded, JSON body serialised. */
export function buildRequest(baseUrl: string, op: Operation, parts: RequestParts): HttpRequest {
  const missing: string[] = [];
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = parts.params?.[name];
    if (v === undefined) {
      missing.push(name);
      return `{${name}}`;
    }
    return encodeURIComponent(String(v));
  });
  if (missing.length > 0) throw new Error(`${op.id}: path parameter${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')} not given`);
  const url = new URL(baseUrl.replace(/\/$/, '') + path);
  for (const [k, v] of Object.entries(parts.query ?? {})) url.searchParams.append(k, String(v));
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [k, v] of Object.entries(parts.headers ?? {})) headers[k.toLowerCase()] = v;
  let body: string | undefined;
  if (parts.body !== undefined) {
    // An operation that takes only a form (an OAuth2 token endpoint) gets its object body form-encoded.
    const types = op.requestBody?.content.map((m) => m.contentType) ?? [];
    const form = typeof parts.body === 'object' && parts.body !== null && types.length > 0 && types.every((t) => t === 'application/x-www-form-urlencoded');
    if (form) {
      body = new URLSearchParams(Object.entries(parts.body as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)])).toString();
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
    } else {
      body = typeof parts.body === 'string' ? parts.body : JSON.stringify(parts.body);
      headers['content-type'] ??= 'application/json';
    }
  }
  return { operationId: op.id, method: op.method.toUpperCase(), url: url.toString(), headers, body };
}
