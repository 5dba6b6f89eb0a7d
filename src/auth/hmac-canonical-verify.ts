/**
 * Verifying a canonical-string HMAC request. Checks run cheapest and most specific first, so a
 * report names the real defect: a forged body that kept the original digest is a digest-mismatch.
 */
import { safeEqual } from './bytes.ts';
import { fieldIndex, lowerCaseFields, type HttpMessage } from './http-message.ts';
import {
  bodyDigestBytes,
  bodyDigestEncoding,
  canonicalString,
  decodeBytes,
  hmacBytes,
  type FieldLookup,
  type HmacCanonicalSpec,
  type HmacSecret,
} from './hmac-canonical.ts';
import type { Failure } from './result.ts';

export type VerifyHmacStep =
  | 'missing-signature'
  | 'malformed-signature'
  | 'missing-key-id'
  | 'unknown-key'
  | 'missing-timestamp'
  | 'malformed-timestamp'
  | 'stale-timestamp'
  | 'future-timestamp'
  | 'missing-nonce'
  | 'missing-digest'
  | 'digest-mismatch'
  | 'signature-mismatch'
  | 'replayed-nonce'
  | 'malformed-request';

export interface VerifyHmacOptions {
  resolveSecret: (keyId: string | undefined) => HmacSecret | undefined;
  /** Unix seconds. */
  now: number;
  toleranceSeconds: number;
  /** True when the nonce was seen before; asked only once the signature is valid. */
  seenNonce?: (nonce: string) => boolean;
  /** The request's URL as the caller already parsed it: used when its href is the request's url, not parsed again. */
  url?: URL;
  /** Every header name of the request is lower-case already (a Node server's): fields are read without an index. */
  lowerCaseNames?: boolean;
}

export interface HmacVerified {
  ok: true;
  keyId?: string;
  timestamp?: number;
  nonce?: string;
  canonical: string;
}

export interface HmacVerificationFailure extends Failure<VerifyHmacStep> {
  canonical?: string;
}

export type HmacVerification = HmacVerified | HmacVerificationFailure;

const failure = (step: VerifyHmacStep, reason: string, canonical?: string): HmacVerificationFailure =>
  canonical === undefined ? { ok: false, step, reason } : { ok: false, step, reason, canonical };

function checkTimestamp(spec: HmacCanonicalSpec, field: FieldLookup, options: VerifyHmacOptions): number | HmacVerificationFailure | undefined {
  const name = spec.headers.timestamp;
  if (name === undefined) {
    return spec.components.includes('timestamp') ? failure('missing-timestamp', 'the spec signs a timestamp but names no timestamp header') : undefined;
  }
  const text = field(name);
  if (text === undefined) return failure('missing-timestamp', `no ${name} header`);
  if (!/^\d{1,15}$/.test(text)) return failure('malformed-timestamp', `${name} is not unix seconds: ${JSON.stringify(text)}`);
  const timestamp = Number(text);
  const age = options.now - timestamp;
  if (age > options.toleranceSeconds) return failure('stale-timestamp', `timestamp is ${age}s old, tolerance ${options.toleranceSeconds}s`);
  if (-age > options.toleranceSeconds) return failure('future-timestamp', `timestamp is ${-age}s ahead, tolerance ${options.toleranceSeconds}s`);
  return timestamp;
}

function verifyChecked(spec: HmacCanonicalSpec, request: HttpMessage, options: VerifyHmacOptions): HmacVerification {
  const { headers: names } = spec;
  // The header names lower-cased once for every field asked below, unless they are already.
  const field = options.lowerCaseNames === true ? lowerCaseFields(request.headers) : fieldIndex(request.headers);
  const header = field(names.signature);
  if (header === undefined || header === '') return failure('missing-signature', `no ${names.signature} header`);
  const prefix = spec.signaturePrefix ?? '';
  if (!header.startsWith(prefix)) return failure('malformed-signature', `${names.signature} does not start with ${JSON.stringify(prefix)}`);
  const provided = decodeBytes(header.slice(prefix.length), spec.encoding);
  if (provided === undefined) return failure('malformed-signature', `${names.signature} is not ${spec.encoding}`);

  const keyId = names.keyId === undefined ? undefined : field(names.keyId);
  if (names.keyId !== undefined && keyId === undefined) return failure('missing-key-id', `no ${names.keyId} header`);
  let secret: HmacSecret | undefined;
  try {
    secret = options.resolveSecret(keyId);
  } catch (error) {
    return failure('unknown-key', `resolveSecret threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (secret === undefined) return failure('unknown-key', `no secret for key id ${JSON.stringify(keyId ?? null)}`);

  const timestamp = checkTimestamp(spec, field, options);
  if (typeof timestamp === 'object') return timestamp;

  const nonce = names.nonce === undefined ? undefined : field(names.nonce);
  if (names.nonce !== undefined && nonce === undefined) return failure('missing-nonce', `no ${names.nonce} header`);
  if (nonce === undefined && spec.components.includes('nonce')) return failure('missing-nonce', 'the spec signs a nonce but names no nonce header');

  let bodyDigest: string | undefined;
  if (names.digest !== undefined) {
    const digest = field(names.digest);
    if (digest === undefined) return failure('missing-digest', `no ${names.digest} header`);
    const encoding = bodyDigestEncoding(spec);
    const sent = decodeBytes(digest, encoding);
    const computed = bodyDigestBytes(spec, request.body);
    if (sent === undefined || !safeEqual(sent, computed)) {
      return failure('digest-mismatch', `${names.digest} does not match the body`);
    }
    bodyDigest = computed.toString(encoding);
  }

  // The digest of the body as received, computed once: what the header was checked against is what is signed.
  const url = options.url !== undefined && options.url.href === request.url ? options.url : undefined;
  const canonical = canonicalString(spec, request, { timestamp, nonce, ...(bodyDigest === undefined ? {} : { bodyDigest }) }, url ? { field, url } : { field });
  if (!safeEqual(provided, hmacBytes(spec.algorithm, secret, canonical))) {
    return failure('signature-mismatch', `the HMAC-${spec.algorithm.toUpperCase()} does not match the canonical string`, canonical);
  }
  // Asked last: a forged request must not be able to burn a nonce.
  if (nonce !== undefined && options.seenNonce?.(nonce) === true) return failure('replayed-nonce', `nonce ${JSON.stringify(nonce)} was already used`, canonical);

  const verified: HmacVerified = { ok: true, canonical };
  if (keyId !== undefined) verified.keyId = keyId;
  if (timestamp !== undefined) verified.timestamp = timestamp;
  if (nonce !== undefined) verified.nonce = nonce;
  return verified;
}

/** Never throws on bad input: every problem is a step. */
export function verifyHmacRequest(spec: HmacCanonicalSpec, request: HttpMessage, options: VerifyHmacOptions): HmacVerification {
  try {
    return verifyChecked(spec, request, options);
  } catch (error) {
    return failure('malformed-request', `verification failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
