/**
 * HMAC over a canonical string, the common PSP style: a declarative spec names the parts, their
 * order, the separator, the encodings and the headers the values travel in.
 */
import { createHmac, hash } from 'node:crypto';
import { decodeBase64, decodeHex, toBuffer, type Bytes } from './bytes.ts';
import { fieldValue, type HttpMessage } from './http-message.ts';

/** A field's combined value by name, or undefined if absent (fieldValue, or fieldIndex's lookup). */
export type FieldLookup = (name: string) => string | undefined;

export type HmacHash = 'sha256' | 'sha512';
export type BinaryEncoding = 'hex' | 'base64';
export type HmacSecret = string | Uint8Array;

/**
 * `method` is upper-cased; `path` is the WHATWG-parsed path (dot segments resolved, no query);
 * `query` is the raw query without `?`; `body` is the raw body as UTF-8; `{ header }` is the
 * trimmed field value (several lines joined with ", "), empty when absent.
 */
export type HmacComponent = 'method' | 'path' | 'query' | 'timestamp' | 'nonce' | 'body-digest' | 'body' | { header: string };

export interface HmacCanonicalSpec {
  algorithm: HmacHash;
  components: readonly HmacComponent[];
  separator: string;
  /** How `body-digest` and the digest header are computed; defaults to the spec's hash, hex. */
  bodyDigest?: { algorithm: HmacHash; encoding: BinaryEncoding };
  encoding: BinaryEncoding;
  headers: { signature: string; keyId?: string; timestamp?: string; nonce?: string; digest?: string };
  /** Written before the signature in its header, e.g. `v1=`. */
  signaturePrefix?: string;
  /** Sort query pairs by name, then value (byte order of the encoded text), instead of keeping URL order. */
  querySort?: boolean;
}

export interface CanonicalInputs {
  /** Unix seconds, or the partner's own format as text. */
  timestamp?: number | string;
  nonce?: string;
  /** The body's digest (bodyDigestValue) when already computed for its header: not hashed a second time. */
  bodyDigest?: string;
}

export interface SignHmacOptions extends CanonicalInputs {
  secret: HmacSecret;
  keyId?: string;
}

export interface SignedHmacRequest {
  /** Headers to add to the request. */
  headers: Record<string, string>;
  canonical: string;
  /** The signature header value, prefix included. */
  signature: string;
}

export function encodeBytes(bytes: Uint8Array, encoding: BinaryEncoding): string {
  return Buffer.from(bytes).toString(encoding);
}

/** Lenient about hex case, strict about characters: a bad encoding is not the same bytes. */
export function decodeBytes(text: string, encoding: BinaryEncoding): Buffer | undefined {
  return encoding === 'hex' ? decodeHex(text) : decodeBase64(text);
}

export function hmacBytes(algorithm: HmacHash, secret: HmacSecret, data: Bytes): Buffer {
  // Text goes in as UTF-8, as toBuffer would encode it, without a copy first.
  return createHmac(algorithm, toBuffer(secret))
    .update(typeof data === 'string' ? data : toBuffer(data))
    .digest();
}

export function bodyDigestValue(spec: HmacCanonicalSpec, body: Bytes | undefined): string {
  return bodyDigestBytes(spec, body).toString(bodyDigestEncoding(spec));
}

/** The body's digest as bytes (the same as bodyDigestValue decoded): one-shot hashing, no Hash object. */
export function bodyDigestBytes(spec: HmacCanonicalSpec, body: Bytes | undefined): Buffer {
  const algorithm = spec.bodyDigest?.algorithm ?? spec.algorithm;
  // Most requests that carry a digest header have no body (a GET): that digest is a constant, hashed once.
  const empty = body === undefined || body.length === 0 ? EMPTY_DIGESTS.get(algorithm) : undefined;
  return empty ? Buffer.from(empty) : hash(algorithm, toBuffer(body ?? ''), 'buffer');
}

const EMPTY_DIGESTS = new Map<string, Buffer>((['sha256', 'sha512'] as const).map((a) => [a, hash(a, '', 'buffer')]));

export function bodyDigestEncoding(spec: HmacCanonicalSpec): BinaryEncoding {
  return spec.bodyDigest?.encoding ?? 'hex';
}

function queryOf(url: URL, sort: boolean): string {
  const raw = url.search.slice(1);
  if (!sort) return raw;
  const pairs = raw.split('&').filter((pair) => pair !== '');
  const split = (pair: string): [string, string] => {
    const eq = pair.indexOf('=');
    return eq === -1 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
  };
  const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return pairs
    .map(split)
    .sort(([an, av], [bn, bv]) => byCodeUnit(an, bn) || byCodeUnit(av, bv))
    .map(([name, value]) => (value === '' ? name : `${name}=${value}`))
    .join('&');
}

function part(spec: HmacCanonicalSpec, request: HttpMessage, url: URL, inputs: CanonicalInputs, component: HmacComponent, field: FieldLookup): string {
  if (typeof component !== 'string') return field(component.header) ?? '';
  switch (component) {
    case 'method':
      return request.method.toUpperCase();
    case 'path':
      return url.pathname;
    case 'query':
      return queryOf(url, spec.querySort === true);
    case 'timestamp':
      if (inputs.timestamp === undefined) throw new TypeError('the canonical string needs a timestamp');
      return String(inputs.timestamp);
    case 'nonce':
      if (inputs.nonce === undefined) throw new TypeError('the canonical string needs a nonce');
      return inputs.nonce;
    case 'body-digest':
      return inputs.bodyDigest ?? bodyDigestValue(spec, request.body);
    case 'body':
      return toBuffer(request.body ?? '').toString('utf8');
  }
}

/** The string the HMAC is computed over. Throws when a timestamp or nonce it needs is not given. */
/** What a verifier already has of the request: its fields indexed (fieldIndex), its URL parsed from `request.url`. */
export interface CanonicalReading {
  field?: FieldLookup;
  url?: URL;
}

export function canonicalString(spec: HmacCanonicalSpec, request: HttpMessage, inputs: CanonicalInputs, read: CanonicalReading = {}): string {
  const url = read.url ?? new URL(request.url);
  const field = read.field ?? ((name: string) => fieldValue(request.headers, name));
  let out = '';
  for (let i = 0; i < spec.components.length; i++) out += (i === 0 ? '' : spec.separator) + part(spec, request, url, inputs, spec.components[i]!, field);
  return out;
}

export function hmacSignatureValue(spec: HmacCanonicalSpec, secret: HmacSecret, canonical: string): string {
  return encodeBytes(hmacBytes(spec.algorithm, secret, canonical), spec.encoding);
}

/**
 * Signs `request` and returns the headers to add. Headers the spec adds (timestamp, nonce…) are
 * visible to `{ header }` components, so a scheme may sign its own timestamp header.
 */
export function signHmacRequest(spec: HmacCanonicalSpec, request: HttpMessage, options: SignHmacOptions): SignedHmacRequest {
  const { headers: names } = spec;
  const headers: Record<string, string> = {};
  if (names.keyId !== undefined) {
    if (options.keyId === undefined) throw new TypeError(`the spec sends a key id in ${names.keyId} but none was given`);
    headers[names.keyId] = options.keyId;
  }
  if (names.timestamp !== undefined) {
    if (options.timestamp === undefined) throw new TypeError(`the spec sends a timestamp in ${names.timestamp} but none was given`);
    headers[names.timestamp] = String(options.timestamp);
  }
  if (names.nonce !== undefined) {
    if (options.nonce === undefined) throw new TypeError(`the spec sends a nonce in ${names.nonce} but none was given`);
    headers[names.nonce] = options.nonce;
  }
  const bodyDigest = names.digest === undefined ? undefined : (headers[names.digest] = bodyDigestValue(spec, request.body));
  const canonical = canonicalString(spec, { ...request, headers: { ...request.headers, ...headers } }, { ...options, ...(bodyDigest === undefined ? {} : { bodyDigest }) });
  const signature = (spec.signaturePrefix ?? '') + hmacSignatureValue(spec, options.secret, canonical);
  headers[names.signature] = signature;
  return { headers, canonical, signature };
}
