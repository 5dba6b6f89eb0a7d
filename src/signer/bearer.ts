import type { Credentials } from '../credentials/index.ts';
import { forgedValue } from './api-key.ts';
import type { SigningLayer } from './model.ts';
import type { TokenSource } from './token-cache.ts';

/** A static bearer token from the environment (RFC 6750). */
export function bearerLayer(spec: { tokenEnv: string }, credentials: Credentials): SigningLayer {
  return tokenLayer({ token: async () => credentials.get(spec.tokenEnv) });
}

/** A bearer token from a source: static, or OAuth2 client credentials with its cache. */
export function tokenLayer(source: Pick<TokenSource, 'token'>): SigningLayer {
  return {
    kind: 'credential',
    secretHeaders: ['authorization'],
    async apply(request, { forge }) {
      const token = await source.token();
      request.headers.authorization = `Bearer ${forge?.wrongCredentials ? forgedValue(token) : token}`;
      return undefined;
    },
  };
}
