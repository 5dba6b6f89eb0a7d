/**
 * A signature by the sender's private key over bytes (the raw body, or a message built from the delivery),
 * verified with its public key: Wise (RSA-SHA256 of the raw body, base64, X-Signature-SHA256), PayPal
 * (SHA256withRSA of a built message). RSASSA-PKCS1-v1_5 and RSASSA-PSS (salt = digest length, RFC 8017 /
 * JOSE PS256), ECDSA P-256 (DER as OpenSSL and Java write it, or raw r||s as JOSE), Ed25519.
 */
import { constants, sign, verify, type KeyObject } from 'node:crypto';
import { toBuffer, type Bytes } from './bytes.ts';
import { decodeBytes, encodeBytes, type BinaryEncoding } from './hmac-canonical.ts';
import type { Failure } from './result.ts';

export type KeySignatureAlgorithm = 'rsa-sha256' | 'rsa-sha512' | 'rsa-pss-sha256' | 'rsa-pss-sha512' | 'ecdsa-p256-sha256' | 'ed25519';

export type KeySignatureStep = 'missing-signature' | 'malformed-signature' | 'incompatible-key' | 'signature-mismatch';

export interface KeySignatureScheme {
  /** Default rsa-sha256. */
  algorithm?: KeySignatureAlgorithm;
  /** Default base64. */
  encoding?: BinaryEncoding;
  /** Written before the signature. */
  prefix?: string;
  /** ECDSA only; default der. */
  ecdsaSignature?: 'der' | 'raw';
}

export type KeySignatureVerification = { ok: true } | Failure<KeySignatureStep>;

interface NodeParams {
  digest: string | null;
  padding?: number;
  saltLength?: number;
  dsaEncoding?: 'der' | 'ieee-p1363';
  keyTypes: readonly string[];
}

function nodeParams(scheme: KeySignatureScheme): NodeParams {
  const algorithm = scheme.algorithm ?? 'rsa-sha256';
  switch (algorithm) {
    case 'rsa-sha256':
    case 'rsa-sha512':
      return { digest: algorithm.slice(4), padding: constants.RSA_PKCS1_PADDING, keyTypes: ['rsa'] };
    case 'rsa-pss-sha256':
    case 'rsa-pss-sha512':
      return { digest: algorithm.slice(8), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST, keyTypes: ['rsa', 'rsa-pss'] };
    case 'ecdsa-p256-sha256':
      return { digest: 'sha256', dsaEncoding: scheme.ecdsaSignature === 'raw' ? 'ieee-p1363' : 'der', keyTypes: ['ec'] };
    case 'ed25519':
      return { digest: null, keyTypes: ['ed25519'] };
  }
}

const KEY_NAMES: Record<string, string> = { rsa: 'an RSA', 'rsa-pss': 'an RSA-PSS', ec: 'an EC', ed25519: 'an Ed25519', ed448: 'an Ed448', x25519: 'an X25519', dsa: 'a DSA', dh: 'a DH' };

/** Why a key cannot serve the algorithm, or undefined when it can (an EC key must be on P-256). */
export function unfitKey(scheme: KeySignatureScheme, key: KeyObject): string | undefined {
  const params = nodeParams(scheme);
  const type = key.asymmetricKeyType;
  if (type === undefined) return `${scheme.algorithm ?? 'rsa-sha256'} needs a public key, not a shared secret`;
  if (!params.keyTypes.includes(type)) return `${scheme.algorithm ?? 'rsa-sha256'} needs ${KEY_NAMES[params.keyTypes[0] as string]} key, the key given is ${KEY_NAMES[type] ?? type}`;
  if (type === 'ec' && key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') return `ecdsa-p256-sha256 needs a P-256 key, the key given is on ${key.asymmetricKeyDetails?.namedCurve ?? 'another curve'}`;
  return undefined;
}

function keyInput(params: NodeParams, key: KeyObject) {
  return { key, ...(params.padding === undefined ? {} : { padding: params.padding }), ...(params.saltLength === undefined ? {} : { saltLength: params.saltLength }), ...(params.dsaEncoding ? { dsaEncoding: params.dsaEncoding } : {}) };
}

/** The header value: prefix and encoded signature. `key` is the private key. */
export function signWithKey(options: KeySignatureScheme & { message: Bytes; key: KeyObject }): string {
  const params = nodeParams(options);
  const signature = sign(params.digest, toBuffer(options.message), keyInput(params, options.key));
  return (options.prefix ?? '') + encodeBytes(signature, options.encoding ?? 'base64');
}

export function verifyWithKey(options: KeySignatureScheme & { message: Bytes; signature: string | undefined; key: KeyObject }): KeySignatureVerification {
  const prefix = options.prefix ?? '';
  const text = options.signature?.trim();
  if (text === undefined || text === '') return { ok: false, step: 'missing-signature', reason: 'no signature' };
  if (!text.startsWith(prefix)) return { ok: false, step: 'malformed-signature', reason: `signature does not start with ${JSON.stringify(prefix)}` };
  const encoding = options.encoding ?? 'base64';
  const provided = decodeBytes(text.slice(prefix.length), encoding);
  if (provided === undefined || provided.byteLength === 0) return { ok: false, step: 'malformed-signature', reason: `signature is not ${encoding}` };
  const mismatch = unfitKey(options, options.key);
  if (mismatch) return { ok: false, step: 'incompatible-key', reason: mismatch };
  const params = nodeParams(options);
  let good: boolean;
  try {
    good = verify(params.digest, toBuffer(options.message), keyInput(params, options.key), provided);
  } catch {
    // OpenSSL refuses some malformed encodings (a DER that does not parse) rather than answering false.
    return { ok: false, step: 'malformed-signature', reason: `signature is not a ${options.algorithm ?? 'rsa-sha256'} signature` };
  }
  return good ? { ok: true } : { ok: false, step: 'signature-mismatch', reason: `the ${options.algorithm ?? 'rsa-sha256'} signature does not verify with the partner's public key` };
}
