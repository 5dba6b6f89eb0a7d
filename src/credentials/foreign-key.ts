import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { SignatureAlgorithm } from '../auth/index.ts';

const cache = new Map<SignatureAlgorithm, KeyObject | Buffer>();

/**
 * A key of the right kind that the partner does not hold: what a forger signs with ("wrong key"), and
 * what the `webhook-bad-signature` simulator signs with. Generated once per process (RSA is slow).
 */
export function foreignKey(alg: SignatureAlgorithm): KeyObject | Buffer {
  let key = cache.get(alg);
  if (!key) {
    switch (alg) {
      case 'hmac-sha256':
        key = randomBytes(32);
        break;
      case 'ed25519':
        key = generateKeyPairSync('ed25519').privateKey;
        break;
      case 'ecdsa-p256-sha256':
        key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
        break;
      case 'rsa-pss-sha512':
        key = generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).privateKey;
        break;
    }
    cache.set(alg, key);
  }
  return key;
}

let rsa: KeyObject | undefined;

/** A plain RSA private key the partner does not hold (PKCS#1 v1.5 and PSS alike), once per process. */
export function foreignRsaKey(): KeyObject {
  rsa ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  return rsa;
}

/** A shared secret the partner does not hold, for the HMAC schemes. */
export function foreignSecret(): Buffer {
  return randomBytes(32);
}
