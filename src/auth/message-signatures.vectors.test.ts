import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HttpMessage } from './http-message.ts';
import { keyFromJwk, keyFromPem, secretFromBase64, type SigningKey } from './keys.ts';
import { signMessage } from './message-signatures.ts';
import { signatureBase, signatureParams } from './signature-base.ts';
import { verifyMessage, type VerifyMessageOptions } from './verify-message.ts';

interface Rfc9421Vectors {
  request: HttpMessage & { body: string };
  keys: {
    'test-shared-secret': { base64: string };
    'test-key-ed25519': { publicPem: string; privatePem: string; jwk: Record<string, string> };
  };
  examples: Array<{
    id: string;
    label: string;
    key: 'test-shared-secret' | 'test-key-ed25519';
    components: string[];
    params: { created: number; keyid: string };
    signatureBase: string;
    signatureInput: string;
    signature: string;
  }>;
}

const vectors = JSON.parse(readFileSync(new URL('../../../shared/vectors/rfc9421.json', import.meta.url), 'utf8')) as Rfc9421Vectors;
const { request } = vectors;
const secret = secretFromBase64(vectors.keys['test-shared-secret'].base64);
const ed = vectors.keys['test-key-ed25519'];
const signingKeys: Record<string, SigningKey> = { 'test-shared-secret': secret, 'test-key-ed25519': keyFromPem(ed.privatePem) };
const verifyingKeys: Record<string, SigningKey> = { 'test-shared-secret': secret, 'test-key-ed25519': keyFromPem(ed.publicPem) };

describe.each(vectors.examples)('RFC 9421 $id', (vector) => {
  const verifyOptions = (message: HttpMessage, extra: Partial<VerifyMessageOptions> = {}): VerifyMessageOptions => ({
    message,
    signatureInputHeader: vector.signatureInput,
    signatureHeader: vector.signature,
    resolveKey: (keyid) => (keyid === undefined ? undefined : verifyingKeys[keyid]),
    now: vector.params.created + 10,
    ...extra,
  });

  it('builds the signature base byte for byte', () => {
    expect(signatureBase(request, vector.components, vector.params)).toBe(vector.signatureBase);
    expect(signatureParams(vector.components, vector.params)).toBe(vector.signatureInput.slice(vector.label.length + 1));
  });

  it('signs to the published Signature-Input and Signature', () => {
    const key = signingKeys[vector.key];
    if (key === undefined) throw new Error('vector key missing');
    const signed = signMessage({ message: request, label: vector.label, components: vector.components, params: vector.params, key });
    expect(signed.base).toBe(vector.signatureBase);
    expect(signed.signatureInput).toBe(vector.signatureInput);
    expect(signed.signature).toBe(vector.signature);
  });

  it('verifies the published signature', () => {
    const result = verifyMessage(verifyOptions(request));
    expect(result).toMatchObject({ ok: true, label: vector.label, keyid: vector.key, base: vector.signatureBase, created: vector.params.created });
  });

  it('verifies when the signature travels in the message headers', () => {
    const message = { ...request, headers: { ...request.headers, 'Signature-Input': vector.signatureInput, signature: vector.signature } };
    const result = verifyMessage({ message, resolveKey: (keyid) => verifyingKeys[keyid ?? ''], now: vector.params.created });
    expect(result.ok).toBe(true);
  });

  it('rejects a tampered body through Content-Digest', () => {
    const result = verifyMessage(verifyOptions({ ...request, body: '{"hello": "world!"}' }));
    expect(result).toMatchObject({ ok: false, step: 'digest-mismatch', label: vector.label });
  });

  it('rejects a tampered signed header', () => {
    const headers = { ...request.headers, 'Content-Type': 'text/plain' };
    const result = verifyMessage(verifyOptions({ ...request, headers }));
    expect(result).toMatchObject({ ok: false, step: 'signature-mismatch' });
    if (!result.ok) expect(result.base).toContain('"content-type": text/plain');
  });

  it('rejects a wrong key', () => {
    const wrong: SigningKey = vector.key === 'test-shared-secret' ? Buffer.alloc(64, 1) : generateKeyPairSync('ed25519').publicKey;
    const result = verifyMessage(verifyOptions(request, { resolveKey: () => wrong }));
    expect(result).toMatchObject({ ok: false, step: 'signature-mismatch' });
  });

  it('rejects an unknown keyid', () => {
    const result = verifyMessage(verifyOptions(request, { resolveKey: () => undefined }));
    expect(result).toMatchObject({ ok: false, step: 'unknown-key' });
  });

  it('rejects a signature whose components are absent from the message', () => {
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== 'Content-Type'));
    const result = verifyMessage(verifyOptions({ ...request, headers }));
    expect(result).toMatchObject({ ok: false, step: 'missing-component' });
  });
});

describe('RFC 9421 Ed25519 test key as JWK', () => {
  it('signs B.2.6 identically from the JWK form', () => {
    const vector = vectors.examples.find((v) => v.id === 'B.2.6');
    if (vector === undefined) throw new Error('B.2.6 missing');
    const key = keyFromJwk(ed.jwk);
    const signed = signMessage({ message: request, label: vector.label, components: vector.components, params: vector.params, key });
    expect(signed.signature).toBe(vector.signature);
  });
});
