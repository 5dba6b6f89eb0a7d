import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inferAlgorithm } from './algorithms.ts';
import { keyFromJwk, keyFromPem, secretFromBase64 } from './keys.ts';

describe('keys', () => {
  it('reads private and public PEM', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const priv = keyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const pub = keyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    expect([priv.type, pub.type]).toEqual(['private', 'public']);
    expect(inferAlgorithm(priv)).toBe('ecdsa-p256-sha256');
  });

  it('reads JWKs: oct as a secret, with d as private, without as public', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const jwk = privateKey.export({ format: 'jwk' });
    expect(keyFromJwk(jwk).type).toBe('private');
    expect(keyFromJwk({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }).type).toBe('public');
    const secret = keyFromJwk({ kty: 'oct', k: Buffer.from('hello').toString('base64url') });
    expect(secret.export().toString()).toBe('hello');
    expect(inferAlgorithm(secret)).toBe('hmac-sha256');
  });

  it('decodes base64 secrets strictly', () => {
    expect(secretFromBase64('aGVsbG8=').toString()).toBe('hello');
    expect(() => secretFromBase64('not base64!')).toThrow(/base64/);
    expect(() => secretFromBase64('')).toThrow(/base64/);
  });

  it('infers the algorithm of each supported key type, and none for others', () => {
    expect(inferAlgorithm(Buffer.from('s'))).toBe('hmac-sha256');
    expect(inferAlgorithm(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey)).toBe('rsa-pss-sha512');
    expect(inferAlgorithm(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey)).toBeUndefined();
  });
});
