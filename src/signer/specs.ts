import type { HmacCanonicalSpec, SignatureParams } from '../auth/index.ts';
import type { HmacAuth, Rfc9421Auth, Rfc9421Param } from '../profile/index.ts';
import { parseDuration } from '../profile/index.ts';

/** The profile's hmac section as the signing library's spec (client and simulator read it the same way). */
export function hmacSpecOf(auth: HmacAuth): HmacCanonicalSpec {
  const spec: HmacCanonicalSpec = {
    algorithm: auth.algorithm,
    components: auth.components.map((c) => (typeof c === 'string' ? c : { header: c.header.toLowerCase() })),
    separator: auth.separator ?? '\n',
    encoding: auth.encoding ?? 'hex',
    headers: auth.headers,
  };
  if (auth.bodyDigest) spec.bodyDigest = auth.bodyDigest;
  if (auth.signaturePrefix !== undefined) spec.signaturePrefix = auth.signaturePrefix;
  if (auth.querySort !== undefined) spec.querySort = auth.querySort;
  return spec;
}

/** Default 5 minutes, as most partners document. */
export function toleranceSeconds(tolerance: string | number | undefined): number {
  return tolerance === undefined ? 300 : Math.round(parseDuration(tolerance) / 1000);
}

export const DEFAULT_PARAMS: readonly Rfc9421Param[] = ['created', 'keyid'];

/** The signature parameters in the profile's order (RFC 9421 §2.3 serialises them as given). */
export function signatureParamsFor(spec: Rfc9421Auth, values: { at: number; nonce: string; keyId: string | undefined }): SignatureParams {
  const params: SignatureParams = {};
  for (const name of spec.params ?? DEFAULT_PARAMS) {
    if (name === 'created') params.created = values.at;
    if (name === 'expires') params.expires = values.at + Math.round(parseDuration(spec.expiresIn ?? '5m') / 1000);
    if (name === 'nonce') params.nonce = values.nonce;
    if (name === 'keyid' && values.keyId !== undefined) params.keyid = values.keyId;
    if (name === 'alg') params.alg = spec.algorithm;
    if (name === 'tag' && spec.tag !== undefined) params.tag = spec.tag;
  }
  return params;
}

/**
 * Covered components for one request: derived components always, header fields only when the request
 * carries them (a GET has no Content-Digest). The partner requires the same rule, so a header cannot be
 * stripped from a request that carried it without breaking the signature.
 */
export function coveredComponents(components: readonly string[], headers: Record<string, string | readonly string[]>): string[] {
  const present = new Set(Object.keys(headers).map((h) => h.toLowerCase()));
  return components.filter((c) => c.startsWith('@') || present.has(c.split(';')[0]!.replace(/"/g, '').toLowerCase()));
}

/** The key id the profile gives: literal, or from an environment variable. */
export function keyIdOf(spec: { keyId?: string; keyIdEnv?: string }, get: (name: string) => string): string | undefined {
  return spec.keyId ?? (spec.keyIdEnv ? get(spec.keyIdEnv) : undefined);
}
