import { createPublicKey, type KeyObject } from 'node:crypto';
import { keyFromJwk, keyFromPem, secretFromBase64 } from '../auth/index.ts';
import type { SecretEncoding } from '../profile/index.ts';

/**
 * A key as an environment variable carries it: PEM (real newlines, or `\n` escapes as CI secret stores
 * often flatten them) or a JWK as JSON text. Throws with a sentence that never quotes the key.
 */
export function parseKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let jwk: unknown;
    try {
      jwk = JSON.parse(trimmed);
    } catch {
      throw new TypeError('looks like a JWK but is not valid JSON');
    }
    try {
      return keyFromJwk(jwk as Parameters<typeof keyFromJwk>[0]);
    } catch (e) {
      throw new TypeError(`is not a usable JWK (${(e as Error).message.split('\n')[0]})`);
    }
  }
  if (trimmed.startsWith('-----BEGIN')) {
    try {
      return keyFromPem(trimmed.includes('\n') ? trimmed : trimmed.replace(/\\n/g, '\n'));
    } catch (e) {
      throw new TypeError(`is not a usable PEM key (${(e as Error).message.split('\n')[0]})`);
    }
  }
  throw new TypeError('is neither a PEM key nor a JWK');
}

/** The half a verifier holds: the public key of a private one, anything else as it is. */
export function verifyingKey(key: KeyObject): KeyObject {
  return key.type === 'private' ? createPublicKey(key) : key;
}

/** Shared-secret bytes as the profile says the variable encodes them. */
export function secretBytes(text: string, encoding: SecretEncoding = 'utf8'): Buffer {
  if (encoding === 'base64') return secretFromBase64(text);
  if (encoding === 'hex') {
    if (!/^(?:[0-9a-fA-F]{2})+$/.test(text.trim())) throw new TypeError('is not hex');
    return Buffer.from(text.trim(), 'hex');
  }
  return Buffer.from(text, 'utf8');
}
