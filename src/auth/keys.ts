/**
 * Key material for signing and verification. A shared secret is raw bytes (a Buffer); anything
 * asymmetric is a node KeyObject. Loading from files or env is the caller's business.
 */
import { createPrivateKey, createPublicKey, createSecretKey, KeyObject, type JsonWebKey } from 'node:crypto';
import { decodeBase64 } from './bytes.ts';

export type SigningKey = Uint8Array | KeyObject;

/** A PEM private key (PKCS#8, SEC1, PKCS#1) or public key (SPKI, PKCS#1) or certificate. */
export function keyFromPem(pem: string): KeyObject {
  return /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem) ? createPrivateKey(pem) : createPublicKey(pem);
}

/** RFC 7517 JWK: `oct` becomes a secret key, a JWK with `d` a private key, otherwise a public key. */
export function keyFromJwk(jwk: JsonWebKey): KeyObject {
  if (jwk.kty === 'oct') {
    if (typeof jwk.k !== 'string') throw new TypeError('oct JWK without "k"');
    return createSecretKey(Buffer.from(jwk.k, 'base64url'));
  }
  return typeof jwk.d === 'string' ? createPrivateKey({ key: jwk, format: 'jwk' }) : createPublicKey({ key: jwk, format: 'jwk' });
}

/** A shared secret given as (padded) base64, as in RFC 9421 Appendix B.1.5. */
export function secretFromBase64(base64: string): Buffer {
  const secret = decodeBase64(base64.trim());
  if (secret === undefined || secret.byteLength === 0) throw new TypeError('secret is not valid, non-empty base64');
  return secret;
}

export function isKeyObject(key: unknown): key is KeyObject {
  return key instanceof KeyObject;
}
