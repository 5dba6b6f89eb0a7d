import { createHash } from 'node:crypto';

/**
 * A request body's fingerprint: sha256 of its canonical JSON (object keys sorted, RFC 8785 in spirit),
 * so `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same request and `1500` and `1501` are not.
 * Two requests with one key are "the same" exactly when their fingerprints are equal.
 */
export function fingerprintBody(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
