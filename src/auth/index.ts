/**
 * railgate auth: pure signing and verification (no I/O). RFC 9530 digests, RFC 9421 message
 * signatures, canonical-string HMAC, and webhook signature schemes.
 */

// Keys and algorithms
export { keyFromJwk, keyFromPem, secretFromBase64 } from './keys.ts';
export { SIGNATURE_ALGORITHMS, inferAlgorithm, isSignatureAlgorithm } from './algorithms.ts';
export type { SigningKey } from './keys.ts';
export type { SignatureAlgorithm } from './algorithms.ts';

// RFC 9530 Content-Digest
export { contentDigest, parseContentDigest, verifyContentDigest } from './digest.ts';
export type { ContentDigestEntry, ContentDigestParse, ContentDigestVerification, DigestAlgorithm } from './digest.ts';

// RFC 8941 structured fields (the subset signatures need)
export { parseDictionary, parseItem, parseList } from './structured-fields-parse.ts';
export { serializeDictionary, serializeInnerList, serializeItem, serializeList } from './structured-fields.ts';
export type { SfParseResult } from './structured-fields-parse.ts';
export type { BareItem, Dictionary, InnerList, Item, List, ListMember, Parameters } from './structured-fields.ts';

// RFC 9421 HTTP Message Signatures
export { fieldValue } from './http-message.ts';
export { componentItem, serializeComponent } from './component-id.ts';
export { componentValue } from './component-values.ts';
export { buildSignatureBase, signatureBase, signatureParams } from './signature-base.ts';
export { signMessage } from './message-signatures.ts';
export { verifyMessage } from './verify-message.ts';
export type { HttpMessage } from './http-message.ts';
export type { ComponentInput, ComponentParams } from './component-id.ts';
export type { ComponentValue } from './component-values.ts';
export type { SignatureBaseResult, SignatureParams } from './signature-base.ts';
export type { SignedMessage, SignMessageOptions } from './message-signatures.ts';
export type {
  MessageVerification,
  MessageVerificationFailure,
  MessageVerified,
  ResolvedKey,
  VerifyMessageOptions,
  VerifyMessageStep,
} from './verify-message.ts';

// Canonical-string HMAC (PSP style)
export { canonicalString, signHmacRequest } from './hmac-canonical.ts';
export { verifyHmacRequest } from './hmac-canonical-verify.ts';
export type {
  BinaryEncoding,
  CanonicalInputs,
  HmacCanonicalSpec,
  HmacComponent,
  HmacHash,
  HmacSecret,
  SignedHmacRequest,
  SignHmacOptions,
} from './hmac-canonical.ts';
export type { HmacVerification, HmacVerificationFailure, HmacVerified, VerifyHmacOptions, VerifyHmacStep } from './hmac-canonical-verify.ts';

// Webhook signature schemes
export { parseTimestampedHeader, signTimestampedWebhook, verifyTimestampedWebhook } from './webhook-timestamped.ts';
export { signBodyHmac, verifyBodyHmac } from './webhook-body-hmac.ts';
export { fieldsSigningString, signFieldsHmac, verifyFieldsHmac } from './webhook-fields-hmac.ts';
export { signWithKey, unfitKey, verifyWithKey } from './webhook-public-key.ts';
export { PAYPAL_AUTH_ALGO, PAYPAL_HEADERS, paypalMessage } from './webhook-paypal.ts';
export type {
  SignedTimestampedWebhook,
  SignTimestampedWebhookOptions,
  TimestampedWebhookStep,
  TimestampedWebhookVerification,
  VerifyTimestampedWebhookOptions,
} from './webhook-timestamped.ts';
export type { BodyHmacScheme, BodyHmacStep, BodyHmacVerification, SignedBodyHmac } from './webhook-body-hmac.ts';
export type { FieldsHmacScheme, FieldsHmacStep, FieldsHmacVerification, SignedField } from './webhook-fields-hmac.ts';
export type { KeySignatureAlgorithm, KeySignatureScheme, KeySignatureStep, KeySignatureVerification } from './webhook-public-key.ts';

// Results
export type { Failure } from './result.ts';
export type { Bytes } from './bytes.ts';
export { safeEqualText } from './bytes.ts';
