import { signHmacRequest } from '../auth/index.ts';
import type { Credentials } from '../credentials/index.ts';
import { foreignSecret, secretBytes } from '../credentials/index.ts';
import type { HmacAuth } from '../profile/index.ts';
import type { SigningLayer } from './model.ts';
import { hmacSpecOf, keyIdOf } from './specs.ts';

/** HMAC over the profile's canonical string, in the profile's headers (src/auth does the signing). */
export function hmacLayer(auth: HmacAuth, credentials: Credentials): SigningLayer {
  const spec = hmacSpecOf(auth);
  return {
    kind: 'signature',
    secretHeaders: [],
    async apply(request, { at, nonce, forge }) {
      const secret = forge?.wrongKey ? foreignSecret() : secretBytes(credentials.get(auth.secretEnv), auth.secretEncoding);
      const keyId = forge?.keyId ?? keyIdOf(auth, (n) => credentials.get(n));
      const options = { secret, timestamp: at, nonce, ...(keyId === undefined ? {} : { keyId }) };
      const signed = signHmacRequest(spec, { method: request.method, url: request.url, headers: request.headers, body: request.body ?? '' }, options);
      for (const [name, value] of Object.entries(signed.headers)) request.headers[name.toLowerCase()] = value;
      return { scheme: 'hmac', kind: 'canonical string', text: signed.canonical, algorithm: `HMAC-${auth.algorithm.toUpperCase()}`, signature: signed.signature };
    },
  };
}
