/**
 * The RFC 9421 §3.3 signature algorithms railgate supports, over node:crypto.
 */
import { createHmac, sign, verify, constants, type KeyObject } from 'node:crypto';
import { safeEqual } from './bytes.ts';
import { isKeyObject, type SigningKey } from './keys.ts';

export type SignatureAlgorithm = 'hmac-sha256' | 'ed25519' | 'ecdsa-p256-sha256' | 'rsa-pss-sha512';

export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[] = ['hmac-sha256', 'ed25519', 'ecdsa-p256-sha256', 'rsa-pss-sha512'];

export function isSignatureAlgorithm(value: string): value is SignatureAlgorithm {
  return (SIGNATURE_ALGORITHMS as readonly string[]).includes(value);
}

/** The algorithm a key can only be used with, when the signature does not name one (§3.2 step 5). */
export function inferAlgorithm(key: SigningKey): SignatureAlgorithm | undefined {
  if (!isKeyObject(key) || key.type === 'secret') return 'hmac-sha256';
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return 'ed25519';
    case 'ec':
      return key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? 'ecdsa-p256-sha256' : undefined;
    case 'rsa':
    case 'rsa-pss':
      return 'rsa-pss-sha512';
    default:
      return undefined;
  }
}

/** Why `key` cannot be used for `alg`, or undefined when it can. */
export function keyMismatch(alg: SignatureAlgorithm, key: SigningKey): string | undefined {
  const fits = inferAlgorithm(key);
  if (fits === alg) return undefined;
  const kind = isKeyObject(key) ? `${key.type} ${key.asymmetricKeyType ?? ''}`.trim() : 'shared secret';
  return `a ${kind} key cannot be used with ${alg}`;
}

function asymmetricOptions(alg: Exclude<SignatureAlgorithm, 'hmac-sha256'>, key: KeyObject) {
  switch (alg) {
    case 'ed25519':
      // §3.3.6: Ed25519 (RFC 8032) over the raw signature base; no prehash.
      return { hash: null, key: { key } };
    case 'ecdsa-p256-sha256':
      // §3.3.4: the signature is r || s, each 32 bytes big-endian, not DER.
      return { hash: 'sha256', key: { key, dsaEncoding: 'ieee-p1363' as const } };
    case 'rsa-pss-sha512':
      // §3.3.1: RSASSA-PSS, SHA-512, MGF1 with SHA-512, 64-byte salt.
      return { hash: 'sha512', key: { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 } };
  }
}

/** Throws when the key does not fit the algorithm: signing is done with configured, trusted keys. */
export function signBytes(alg: SignatureAlgorithm, key: SigningKey, data: Uint8Array): Buffer {
  const mismatch = keyMismatch(alg, key);
  if (mismatch !== undefined) throw new TypeError(mismatch);
  if (alg === 'hmac-sha256') return createHmac('sha256', key).update(data).digest();
  const { hash, key: options } = asymmetricOptions(alg, key as KeyObject);
  return sign(hash, data, options);
}

/** Never throws: a key of the wrong kind or a malformed signature simply does not verify. */
export function verifyBytes(alg: SignatureAlgorithm, key: SigningKey, data: Uint8Array, signature: Uint8Array): boolean {
  if (keyMismatch(alg, key) !== undefined) return false;
  if (alg === 'hmac-sha256') return safeEqual(createHmac('sha256', key).update(data).digest(), signature);
  if (alg === 'ecdsa-p256-sha256' && signature.byteLength !== 64) return false;
  const { hash, key: options } = asymmetricOptions(alg, key as KeyObject);
  try {
    return verify(hash, data, options, signature);
  } catch {
    return false;
  }
}
