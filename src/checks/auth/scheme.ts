import type { Operation } from '../../contract/index.ts';
import type { Profile } from '../../profile/index.ts';
import { isSecured, toleranceSeconds } from '../../signer/index.ts';

/**
 * What the profile's scheme makes checkable for one operation (pure): which forgeries make sense, and
 * what a strict partner detects for each. Derived once at plan time, so the plan says what is skipped.
 */
export interface SchemeFacts {
  /** 'API key', 'HTTP Basic', 'bearer token', 'OAuth2 access token', 'OAuth2 client credentials'. */
  credential?: string;
  /** 'HMAC canonical string' or 'RFC 9421 signature'. */
  signature?: string;
  /** The token endpoint itself: RFC 6749 semantics, not the profile's rejections. */
  tokenEndpoint: boolean;
  keyId: boolean;
  timestamp: boolean;
  nonce: boolean;
  /** The body is covered by the signature (directly, or through a digest). */
  coversBody: boolean;
  /** A header carries a digest of the body: a changed body with the old digest is a digest mismatch. */
  digestHeader: boolean;
  /** A signed request header a forger could change (not a credential, not the digest), if any. */
  tamperable?: string;
  /** Seconds. */
  tolerance: number;
}

function credentialOf(profile: Profile): string | undefined {
  const auth = profile.auth ?? {};
  if (auth.oauth2) return 'OAuth2 access token';
  if (auth.bearer) return 'bearer token';
  if (auth.basic) return 'HTTP Basic';
  if (auth.apiKey) return 'API key';
  return undefined;
}

/** Header names a request to `op` carries before signing: its header parameters and content type. */
function requestHeaders(op: Operation): Set<string> {
  const names = new Set(op.parameters.filter((p) => p.in === 'header' && p.required).map((p) => p.name.toLowerCase()));
  if (op.requestBody) names.add('content-type');
  return names;
}

export function schemeFor(profile: Profile, op: Operation): SchemeFacts | undefined {
  const auth = profile.auth;
  if (!auth) return undefined;
  const none = { keyId: false, timestamp: false, nonce: false, coversBody: false, digestHeader: false, tolerance: 0 };
  if (auth.oauth2?.tokenOperation === op.id) return { ...none, credential: 'OAuth2 client credentials', tokenEndpoint: true };
  if (!isSecured(op)) return undefined;
  const base = { ...none, tokenEndpoint: false, ...(credentialOf(profile) ? { credential: credentialOf(profile) } : {}) };
  const present = requestHeaders(op);
  const secretHeaders = new Set(['authorization', ...(auth.apiKey?.in === 'header' ? [auth.apiKey.name.toLowerCase()] : [])]);
  if (auth.hmac) {
    const h = auth.hmac;
    const headerParts = h.components.flatMap((c) => (typeof c === 'object' ? [c.header.toLowerCase()] : []));
    const digest = h.headers.digest?.toLowerCase();
    const candidates = [
      ...headerParts.filter((name) => present.has(name) && !secretHeaders.has(name) && name !== digest),
      ...(h.components.includes('nonce') && h.headers.nonce ? [h.headers.nonce.toLowerCase()] : []),
      ...(h.components.includes('timestamp') && h.headers.timestamp ? [h.headers.timestamp.toLowerCase()] : []),
    ];
    const coversBody = h.components.includes('body') || h.components.includes('body-digest') || (digest !== undefined && headerParts.includes(digest));
    return {
      ...base,
      signature: 'HMAC canonical string',
      keyId: h.headers.keyId !== undefined,
      timestamp: h.headers.timestamp !== undefined && h.components.includes('timestamp'),
      nonce: h.headers.nonce !== undefined,
      coversBody: coversBody && op.requestBody !== undefined,
      digestHeader: digest !== undefined,
      ...(candidates[0] ? { tamperable: candidates[0] } : {}),
      tolerance: toleranceSeconds(h.tolerance),
    };
  }
  if (auth.rfc9421) {
    const r = auth.rfc9421;
    const params = r.params ?? ['created', 'keyid'];
    const headerParts = r.components.filter((c) => !c.startsWith('@')).map((c) => c.split(';')[0]!.toLowerCase());
    const tamperable = headerParts.find((name) => present.has(name) && !secretHeaders.has(name) && name !== 'content-digest');
    return {
      ...base,
      signature: 'RFC 9421 signature',
      keyId: params.includes('keyid'),
      timestamp: params.includes('created'),
      nonce: params.includes('nonce'),
      // The partner requires Content-Digest on every body, whatever the profile lists.
      coversBody: op.requestBody !== undefined,
      digestHeader: true,
      ...(tamperable ? { tamperable } : {}),
      tolerance: toleranceSeconds(r.tolerance),
    };
  }
  return base;
}
