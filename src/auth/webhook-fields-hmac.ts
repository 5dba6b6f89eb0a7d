/**
 * HMAC over selected fields joined by a separator, in the style of Adyen's standard notifications:
 * the key is shown as hex and decoded to bytes (the caller decodes), the output is base64. Fields are
 * joined as they are; like the provider's scheme, nothing escapes a separator inside a value.
 */
import { decodeBytes, encodeBytes, hmacBytes, type BinaryEncoding, type HmacHash, type HmacSecret } from './hmac-canonical.ts';
import type { Failure } from './result.ts';
import { matchingSecret, secretList } from './webhook-secrets.ts';

export type FieldsHmacStep = 'missing-signature' | 'malformed-signature' | 'signature-mismatch';

export type SignedField = string | number | boolean;

export interface FieldsHmacScheme {
  /** Default ':'. */
  separator?: string;
  /** Default sha256. */
  algorithm?: HmacHash;
  /** Default base64. */
  encoding?: BinaryEncoding;
}

export type FieldsHmacVerification = { ok: true; secretIndex: number; signedString: string } | (Failure<FieldsHmacStep> & { signedString: string });

export function fieldsSigningString(fields: readonly SignedField[], separator = ':'): string {
  return fields.map(String).join(separator);
}

export function signFieldsHmac(options: FieldsHmacScheme & { fields: readonly SignedField[]; secret: HmacSecret }): { signature: string; signedString: string } {
  const signedString = fieldsSigningString(options.fields, options.separator);
  const signature = encodeBytes(hmacBytes(options.algorithm ?? 'sha256', options.secret, signedString), options.encoding ?? 'base64');
  return { signature, signedString };
}

export function verifyFieldsHmac(options: FieldsHmacScheme & { fields: readonly SignedField[]; signature: string | undefined; secrets: HmacSecret | readonly HmacSecret[] }): FieldsHmacVerification {
  const { signature } = options;
  const signedString = fieldsSigningString(options.fields, options.separator);
  if (signature === undefined || signature === '') return { ok: false, step: 'missing-signature', reason: 'no signature', signedString };
  const encoding = options.encoding ?? 'base64';
  const provided = decodeBytes(signature.trim(), encoding);
  if (provided === undefined) return { ok: false, step: 'malformed-signature', reason: `signature is not ${encoding}`, signedString };
  const secretIndex = matchingSecret(secretList(options.secrets), [provided], (key) => hmacBytes(options.algorithm ?? 'sha256', key, signedString));
  if (secretIndex === -1) return { ok: false, step: 'signature-mismatch', reason: 'the HMAC of the fields matches no key', signedString };
  return { ok: true, secretIndex, signedString };
}
