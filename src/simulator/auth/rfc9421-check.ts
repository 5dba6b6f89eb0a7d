import { fieldValue, parseDictionary, verifyMessage } from '../../auth/index.ts';
import type { SignatureAlgorithm, SigningKey, VerifyMessageStep } from '../../auth/index.ts';
import type { Credentials } from '../../credentials/index.ts';
import { verifyingKey } from '../../credentials/index.ts';
import type { Detection, Rfc9421Auth } from '../../profile/index.ts';
import { coveredComponents, keyIdOf, signingKeyOf, toleranceSeconds } from '../../signer/index.ts';
import type { HmacDefects } from './hmac-check.ts';
import type { VerifyLayer } from './model.ts';
import type { NonceStore } from './nonces.ts';

const DETECTIONS: Record<VerifyMessageStep, Detection> = {
  'missing-signature': 'missing-signature',
  malformed: 'invalid-signature',
  'unsupported-algorithm': 'invalid-signature',
  expired: 'stale-timestamp',
  stale: 'stale-timestamp',
  'created-in-future': 'future-timestamp',
  'missing-parameter': 'invalid-signature',
  'missing-component': 'invalid-signature',
  'digest-mismatch': 'digest-mismatch',
  'unknown-key': 'unknown-key',
  'incompatible-key': 'invalid-signature',
  'signature-mismatch': 'invalid-signature',
};

/** `created` of the first signature in Signature-Input, for the `accept-stale-timestamp` defect. */
function createdOf(signatureInput: string | undefined): number | undefined {
  if (signatureInput === undefined) return undefined;
  const parsed = parseDictionary(signatureInput);
  const first = parsed.ok ? [...parsed.value.values()][0] : undefined;
  const created = first?.params.get('created');
  return created?.type === 'integer' ? created.value : undefined;
}

/**
 * RFC 9421 as a strict partner verifies it: the covered components it requires (every profile component
 * the request carries, and Content-Digest on a body), the digest against the body, the key id, the age of
 * `created`, the tag, and the nonce once the signature is good.
 */
export function rfc9421Check(spec: Rfc9421Auth, credentials: Credentials, nonces: NonceStore, defects: HmacDefects): VerifyLayer {
  const tolerance = toleranceSeconds(spec.tolerance);
  const params = spec.params ?? ['created', 'keyid'];
  let key: SigningKey | undefined;
  return (message, now) => {
    const input = fieldValue(message.headers, 'signature-input');
    if (defects.acceptMissingSignature && (input === undefined || fieldValue(message.headers, 'signature') === undefined)) return undefined;
    if (key === undefined) {
      const signing = signingKeyOf(spec, credentials.get(spec.keyEnv));
      key = signing instanceof Uint8Array ? signing : verifyingKey(signing);
    }
    const verifying = key;
    const keyId = keyIdOf(spec, (n) => credentials.get(n));
    const created = createdOf(input);
    const clock = defects.acceptStaleTimestamp && created !== undefined && created < now ? created : now;
    const required = coveredComponents(spec.components, message.headers);
    const result = verifyMessage({
      message,
      resolveKey: (sent) => (keyId === undefined || sent === keyId ? { key: verifying, alg: spec.algorithm as SignatureAlgorithm } : undefined),
      now: clock,
      clockSkewSeconds: tolerance,
      ...(params.includes('created') ? { maxAgeSeconds: tolerance } : {}),
      requiredComponents: message.body === '' || defects.unsignedBody ? required : [...new Set([...required, 'content-digest'])],
      checkContentDigest: !defects.unsignedBody,
    });
    if (!result.ok) return { detection: DETECTIONS[result.step], reason: result.reason };
    if (spec.tag !== undefined && result.tag !== spec.tag) return { detection: 'invalid-signature', reason: `tag ${JSON.stringify(result.tag ?? null)} is not ${JSON.stringify(spec.tag)}` };
    if (params.includes('nonce')) {
      if (result.nonce === undefined) return { detection: 'missing-signature', reason: 'the signature has no nonce' };
      if (nonces.replayed(result.nonce)) return { detection: 'replayed-nonce', reason: `nonce ${JSON.stringify(result.nonce)} was already used` };
    }
    return undefined;
  };
}
