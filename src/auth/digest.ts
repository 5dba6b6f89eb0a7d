/**
 * RFC 9530 Digest Fields: the Content-Digest header, an RFC 8941 Dictionary mapping a hash algorithm
 * key to the byte sequence of the digest of the message content (§2).
 */
import { createHash } from 'node:crypto';
import { safeEqual, toBuffer, type Bytes } from './bytes.ts';
import { isInnerList, serializeDictionary, type Dictionary } from './structured-fields.ts';
import { parseDictionary } from './structured-fields-parse.ts';

/** The algorithms RFC 9530 §5 registers as "Active"; md5, sha, unixsum… are deprecated (§5, Table 1). */
export type DigestAlgorithm = 'sha-256' | 'sha-512';

const NODE_HASH: Record<DigestAlgorithm, string> = { 'sha-256': 'sha256', 'sha-512': 'sha512' };

export function isDigestAlgorithm(value: string): value is DigestAlgorithm {
  return value === 'sha-256' || value === 'sha-512';
}

export interface ContentDigestEntry {
  /** As written in the header, lower case; may be an algorithm this library does not support. */
  algorithm: string;
  digest: Uint8Array;
}

export type ContentDigestParse = { ok: true; entries: ContentDigestEntry[] } | { ok: false; reason: string };

export type ContentDigestVerification =
  | { ok: true; algorithms: DigestAlgorithm[] }
  | { ok: false; reason: string };

export function digestBytes(body: Bytes, algorithm: DigestAlgorithm): Buffer {
  return createHash(NODE_HASH[algorithm]).update(toBuffer(body)).digest();
}

/** `contentDigest('', 'sha-256')` → `sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:` */
export function contentDigest(body: Bytes, algorithm: DigestAlgorithm): string {
  const dict: Dictionary = new Map([
    [algorithm, { value: { type: 'byte-sequence', value: digestBytes(body, algorithm) }, params: new Map() }],
  ]);
  return serializeDictionary(dict);
}

export function parseContentDigest(header: string): ContentDigestParse {
  const parsed = parseDictionary(header);
  if (!parsed.ok) return { ok: false, reason: `Content-Digest is not an RFC 8941 dictionary: ${parsed.reason}` };
  const entries: ContentDigestEntry[] = [];
  for (const [algorithm, member] of parsed.value) {
    // §2: each member value is a Byte Sequence.
    if (isInnerList(member) || member.value.type !== 'byte-sequence') {
      return { ok: false, reason: `Content-Digest member "${algorithm}" is not a byte sequence` };
    }
    entries.push({ algorithm, digest: member.value.value });
  }
  return { ok: true, entries };
}

/**
 * Every supported algorithm present must match; unknown ones are ignored (§2: a recipient may
 * ignore algorithms it does not support), but at least one supported one is required.
 */
export function verifyContentDigest(header: string, body: Bytes): ContentDigestVerification {
  const parsed = parseContentDigest(header);
  if (!parsed.ok) return parsed;
  const checked: DigestAlgorithm[] = [];
  for (const { algorithm, digest } of parsed.entries) {
    if (!isDigestAlgorithm(algorithm)) continue;
    if (!safeEqual(digest, digestBytes(body, algorithm))) {
      return { ok: false, reason: `${algorithm} digest does not match the body` };
    }
    checked.push(algorithm);
  }
  if (checked.length === 0) {
    const seen = parsed.entries.map((e) => e.algorithm).join(', ') || 'none';
    return { ok: false, reason: `no supported digest algorithm (have ${seen}; supported: sha-256, sha-512)` };
  }
  return { ok: true, algorithms: checked };
}
