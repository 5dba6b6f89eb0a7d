import type { Credentials } from '../credentials/index.ts';
import type { ApiKeyAuth } from '../profile/index.ts';
import type { SigningLayer } from './model.ts';

/** An API key the partner never issued, of the same length so that only its value is wrong. */
export function forgedValue(real: string): string {
  const filler = 'rgforged0123456789abcdefghijklmnopqrstuvwxyz';
  return Array.from(real, (_, i) => filler[i % filler.length]).join('') || 'rgforged';
}

export function apiKeyLayer(spec: ApiKeyAuth, credentials: Credentials): SigningLayer {
  const name = spec.name.toLowerCase();
  return {
    kind: 'credential',
    secretHeaders: spec.in === 'header' ? [name] : [],
    async apply(request, { forge }) {
      const real = credentials.get(spec.valueEnv);
      const value = forge?.wrongCredentials ? forgedValue(real) : real;
      if (spec.in === 'header') request.headers[name] = value;
      else {
        const url = new URL(request.url);
        url.searchParams.set(spec.name, value);
        request.url = url.toString();
      }
      return undefined;
    },
  };
}
