import { timingSafeEqual } from 'node:crypto';

/** A body or payload as it travels on the wire: text is encoded as UTF-8. */
export type Bytes = string | Uint8Array;

export function toBuffer(data: Bytes): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Constant-time equality. timingSafeEqual throws on different lengths, and a length is not a secret
 * (every digest and MAC has a fixed size), so lengths are compared first.
 */
export function safeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

/** Constant-time equality of two strings compared as their UTF-8 bytes. */
export function safeEqualText(a: string, b: string): boolean {
  return safeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict base64 decoding (RFC 4648 §4, padded): Buffer.from silently skips bad characters. */
export function decodeBase64(text: string): Buffer | undefined {
  return BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * Strict hex decoding: Buffer.from stops silently at the first bad character, and reads a character beyond U+00FF
 * by its low byte alone ('\u0161' as 'a'), so a text is tested first: only hex pairs decode.
 */
export function decodeHex(text: string): Buffer | undefined {
  return HEX.test(text) ? Buffer.from(text, 'hex') : undefined;
}
