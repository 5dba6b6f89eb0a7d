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
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + (value[i] === undefined ? 'null' : canonicalJson(value[i]));
    return `${out}]`;
  }
  if (value !== null && typeof value === 'object') {
    // Keys in code-unit order; undefined members left out, as JSON.stringify leaves them. Written as loops: every
    // idempotent create is fingerprinted.
    const obj = value as Record<string, unknown>;
    let out = '{';
    let first = true;
    for (const k of Object.keys(obj).sort()) {
      if (obj[k] === undefined) continue;
      out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJson(obj[k])}`;
      first = false;
    }
    return `${out}}`;
  }
  return JSON.stringify(value);
}
