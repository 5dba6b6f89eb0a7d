import type { Credentials } from '../credentials/index.ts';
import { forgedValue } from './api-key.ts';
import type { SigningLayer } from './model.ts';

/** RFC 7617 credentials: `Basic base64(user:password)`. */
export function basicValue(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

export function basicLayer(spec: { usernameEnv: string; passwordEnv: string }, credentials: Credentials): SigningLayer {
  return {
    kind: 'credential',
    secretHeaders: ['authorization'],
    async apply(request, { forge }) {
      const password = credentials.get(spec.passwordEnv);
      request.headers.authorization = basicValue(credentials.get(spec.usernameEnv), forge?.wrongCredentials ? forgedValue(password) : password);
      return undefined;
    },
  };
}
