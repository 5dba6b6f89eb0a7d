/**
 * HMAC over the raw body in one header (Razorpay `X-Razorpay-Signature` hex, GitHub
 * `X-Hub-Signature-256: sha256=<hex>`, Shopify base64…).
 */
import { toBuffer, type Bytes } from './bytes.ts';
import { decodeBytes, encodeBytes, hmacBytes, type BinaryEncoding, type HmacHash, type HmacSecret } from './hmac-canonical.ts';
import type { Failure } from './result.ts';
import { matchingSecret, secretList } from './webhook-secrets.ts';

export type BodyHmacStep = 'missing-signature' | 'malformed-signature' | 'signature-mismatch';

export interface BodyHmacScheme {
  /** Default sha256. */
  algorithm?: HmacHash;
  /** Default hex. */
  encoding?: BinaryEncoding;
  /** Written before the MAC, e.g. `sha256=`. */
  prefix?: string;
}

export interface SignedBodyHmac {
  /** The header value, prefix included. */
  signature: string;
  /** The body as text: what was signed. */
  signedPayload: string;
}

export type BodyHmacVerification = { ok: true; secretIndex: number } | Failure<BodyHmacStep>;

export function signBodyHmac(options: BodyHmacScheme & { body: Bytes; secret: HmacSecret }): SignedBodyHmac {
  const mac = hmacBytes(options.algorithm ?? 'sha256', options.secret, options.body);
  return { signature: (options.prefix ?? '') + encodeBytes(mac, options.encoding ?? 'hex'), signedPayload: toBuffer(options.body).toString('utf8') };
}

export function verifyBodyHmac(options: BodyHmacScheme & { body: Bytes; signature: string | undefined; secrets: HmacSecret | readonly HmacSecret[] }): BodyHmacVerification {
  const { signature } = options;
  const prefix = options.prefix ?? '';
  if (signature === undefined || signature.trim() === '') return { ok: false, step: 'missing-signature', reason: 'no signature header' };
  const text = signature.trim();
  if (!text.startsWith(prefix)) return { ok: false, step: 'malformed-signature', reason: `signature does not start with ${JSON.stringify(prefix)}` };
  const encoding = options.encoding ?? 'hex';
  const provided = decodeBytes(text.slice(prefix.length), encoding);
  if (provided === undefined) return { ok: false, step: 'malformed-signature', reason: `signature is not ${encoding}` };
  const secretIndex = matchingSecret(secretList(options.secrets), [provided], (secret) => hmacBytes(options.algorithm ?? 'sha256', secret, options.body));
  return secretIndex === -1 ? { ok: false, step: 'signature-mismatch', reason: 'the body HMAC matches no secret' } : { ok: true, secretIndex };
}
