import { fieldValue, verifyHmacRequest } from '../../auth/index.ts';
import type { HmacCanonicalSpec, VerifyHmacStep } from '../../auth/index.ts';
import type { Credentials } from '../../credentials/index.ts';
import { secretBytes } from '../../credentials/index.ts';
import type { Detection, HmacAuth } from '../../profile/index.ts';
import { hmacSpecOf, keyIdOf, toleranceSeconds } from '../../signer/index.ts';
import type { VerifyLayer } from './model.ts';
import type { NonceStore } from './nonces.ts';

const DETECTIONS: Record<VerifyHmacStep, Detection> = {
  'missing-signature': 'missing-signature',
  'malformed-signature': 'invalid-signature',
  'missing-key-id': 'missing-signature',
  'unknown-key': 'unknown-key',
  'missing-timestamp': 'missing-signature',
  'malformed-timestamp': 'invalid-signature',
  'stale-timestamp': 'stale-timestamp',
  'future-timestamp': 'future-timestamp',
  'missing-nonce': 'missing-signature',
  'missing-digest': 'missing-signature',
  'digest-mismatch': 'digest-mismatch',
  'signature-mismatch': 'invalid-signature',
  'replayed-nonce': 'replayed-nonce',
  'malformed-request': 'invalid-signature',
};

/**
 * `unsigned-body`: the partner trusts the digest header instead of hashing the body, so the signature
 * still covers a digest — of a body nobody checks. Only meaningful where a header carries the digest.
 */
export function ignoringBody(spec: HmacCanonicalSpec): HmacCanonicalSpec {
  const digest = spec.headers.digest;
  if (digest === undefined) return spec;
  const components = spec.components.map((c) => (c === 'body-digest' ? { header: digest.toLowerCase() } : c));
  const { digest: _dropped, ...headers } = spec.headers;
  return { ...spec, components, headers };
}

export interface HmacDefects {
  acceptMissingSignature: boolean;
  acceptStaleTimestamp: boolean;
  unsignedBody: boolean;
}

/** Verifies the profile's canonical-string HMAC exactly as a strict partner does (src/auth), with planted defects. */
export function hmacCheck(auth: HmacAuth, credentials: Credentials, nonces: NonceStore, defects: HmacDefects): VerifyLayer {
  const strict = hmacSpecOf(auth);
  const spec = defects.unsignedBody ? ignoringBody(strict) : strict;
  const tolerance = toleranceSeconds(auth.tolerance);
  const secretOf = lastOf((text: string) => secretBytes(text, auth.secretEncoding));
  return (message, now) => {
    if (defects.acceptMissingSignature && !fieldValue(message.headers, strict.headers.signature)) return undefined;
    // Read at every request as before; decoded again only when the credential's text changes.
    const secret = secretOf(credentials.get(auth.secretEnv));
    const keyId = keyIdOf(auth, (n) => credentials.get(n));
    // `accept-stale-timestamp`: an old timestamp is judged against itself, as if the partner's clock agreed.
    const claimed = defects.acceptStaleTimestamp && strict.headers.timestamp ? Number(fieldValue(message.headers, strict.headers.timestamp)) : NaN;
    const clock = claimed < now ? claimed : now;
    const result = verifyHmacRequest(spec, message, {
      resolveSecret: (sent) => (keyId === undefined || sent === keyId ? secret : undefined),
      now: clock,
      toleranceSeconds: tolerance,
      seenNonce: (nonce) => nonces.replayed(nonce),
      ...(message.target ? { url: message.target } : {}),
      // The simulator's requests carry lower-case names (SimRequest).
      lowerCaseNames: true,
    });
    return result.ok ? undefined : { detection: DETECTIONS[result.step], reason: result.reason };
  };
}

/** `derive` remembering its last argument and result: what a request derives from a credential that rarely changes. */
function lastOf<T>(derive: (text: string) => T): (text: string) => T {
  let last: { text: string; value: T } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, value: derive(text) };
    return last.value;
  };
}
