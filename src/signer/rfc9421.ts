import { contentDigest, secretFromBase64, signMessage } from '../auth/index.ts';
import type { SigningKey } from '../auth/index.ts';
import type { Credentials } from '../credentials/index.ts';
import { foreignKey, parseKey } from '../credentials/index.ts';
import type { Rfc9421Auth } from '../profile/index.ts';
import type { SigningLayer } from './model.ts';
import { coveredComponents, keyIdOf, signatureParamsFor } from './specs.ts';

/** Our RFC 9421 signing key: a shared secret (base64) for hmac-sha256, else a PEM or JWK private key. */
export function signingKeyOf(spec: { algorithm?: string }, text: string): SigningKey {
  return spec.algorithm === 'hmac-sha256' ? secretFromBase64(text) : parseKey(text);
}

/** RFC 9421 message signature, with an RFC 9530 Content-Digest on every request that has a body. */
export function rfc9421Layer(spec: Rfc9421Auth, credentials: Credentials): SigningLayer {
  const label = spec.label ?? 'sig1';
  let key: SigningKey | undefined;
  return {
    kind: 'signature',
    secretHeaders: [],
    async apply(request, { at, nonce, forge }) {
      if (request.body !== undefined && request.body !== '') request.headers['content-digest'] = contentDigest(request.body, spec.contentDigest ?? 'sha-256');
      key ??= signingKeyOf(spec, credentials.get(spec.keyEnv));
      const keyId = forge?.keyId ?? keyIdOf(spec, (n) => credentials.get(n));
      const signed = signMessage({
        message: { method: request.method, url: request.url, headers: request.headers, body: request.body ?? '' },
        label,
        components: coveredComponents(spec.components, request.headers),
        params: signatureParamsFor(spec, { at, nonce, keyId }),
        key: forge?.wrongKey ? foreignKey(spec.algorithm) : key,
        alg: spec.algorithm,
      });
      request.headers['signature-input'] = signed.signatureInput;
      request.headers.signature = signed.signature;
      return { scheme: 'rfc9421', kind: 'signature base', text: signed.base, algorithm: signed.alg, signature: signed.signature };
    },
  };
}
