import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentDigest, parseContentDigest, verifyContentDigest, type DigestAlgorithm } from './digest.ts';

interface Rfc9530Vectors {
  examples: Array<{ body: string; header: string }>;
}

const vectors = JSON.parse(readFileSync(new URL('../../../shared/vectors/rfc9530.json', import.meta.url), 'utf8')) as Rfc9530Vectors;

describe('RFC 9530 Content-Digest vectors', () => {
  it.each(vectors.examples)('$header', ({ body, header }) => {
    const alg = header.slice(0, header.indexOf('=')) as DigestAlgorithm;
    expect(contentDigest(body, alg)).toBe(header);
    expect(contentDigest(new TextEncoder().encode(body), alg)).toBe(header);
    expect(verifyContentDigest(header, body)).toEqual({ ok: true, algorithms: [alg] });
  });
});

describe('parseContentDigest', () => {
  it('reads every member, including algorithms it does not support', () => {
    const parsed = parseContentDigest('sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:, unixsum=:AAA=:');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.entries.map((e) => e.algorithm)).toEqual(['sha-256', 'unixsum']);
  });

  it('rejects a member that is not a byte sequence', () => {
    expect(parseContentDigest('sha-256="abc"')).toMatchObject({ ok: false });
  });

  it('rejects text that is not a dictionary', () => {
    expect(parseContentDigest('sha-256=:abc')).toMatchObject({ ok: false });
  });
});

describe('verifyContentDigest', () => {
  const header = `${contentDigest('{"a":1}', 'sha-256')}, ${contentDigest('{"a":1}', 'sha-512')}`;

  it('checks every supported algorithm present', () => {
    expect(verifyContentDigest(header, '{"a":1}')).toEqual({ ok: true, algorithms: ['sha-256', 'sha-512'] });
  });

  it('fails on a tampered body', () => {
    expect(verifyContentDigest(header, '{"a":2}')).toMatchObject({ ok: false, reason: 'sha-256 digest does not match the body' });
  });

  it('fails when only unsupported algorithms are present', () => {
    expect(verifyContentDigest('md5=:AAAA:', '')).toMatchObject({ ok: false });
  });

  it('fails on a malformed header', () => {
    expect(verifyContentDigest('not a digest', '')).toMatchObject({ ok: false });
  });
});
