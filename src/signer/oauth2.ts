import type { Contract } from '../contract/index.ts';
import type { Credentials } from '../credentials/index.ts';
import { buildRequest } from '../http/index.ts';
import type { Exchange, HttpRequest } from '../http/index.ts';
import type { OAuth2Auth } from '../profile/index.ts';
import { forgedValue } from './api-key.ts';
import { basicValue } from './basic.ts';
import type { SigningLayer } from './model.ts';
import type { IssuedToken } from './token-cache.ts';

/**
 * How the client authenticates to the token endpoint (RFC 6749 §2.3.1): HTTP Basic with the client id
 * and secret, or both in the form body. This is the only layer the token request gets.
 */
export function clientAuthLayer(spec: OAuth2Auth, credentials: Credentials): SigningLayer {
  const mode = spec.clientAuth ?? 'basic';
  return {
    kind: 'credential',
    secretHeaders: mode === 'basic' ? ['authorization'] : [],
    async apply(request, { forge }) {
      const id = credentials.get(spec.clientIdEnv);
      const real = credentials.get(spec.clientSecretEnv);
      const secret = forge?.wrongCredentials ? forgedValue(real) : real;
      // RFC 6749 §2.3.1: id and secret are form-encoded before they go into Basic.
      if (mode === 'basic') request.headers.authorization = basicValue(encodeURIComponent(id), encodeURIComponent(secret));
      else {
        const form = new URLSearchParams(request.body ?? '');
        form.set('client_id', id);
        form.set('client_secret', secret);
        request.body = form.toString();
      }
      return undefined;
    },
  };
}

/** The client-credentials grant (RFC 6749 §4.4.2), to the contract's token operation or the profile's URL. */
export function tokenRequest(spec: OAuth2Auth, contract: Contract, baseUrl: string): HttpRequest {
  const form: Record<string, string> = { grant_type: 'client_credentials' };
  if (spec.scopes?.length) form.scope = spec.scopes.join(' ');
  const op = spec.tokenOperation ? contract.operations.get(spec.tokenOperation) : undefined;
  if (op) {
    const request = buildRequest(baseUrl, op, { body: form });
    return { ...request, body: new URLSearchParams(form).toString(), headers: { ...request.headers, 'content-type': 'application/x-www-form-urlencoded' } };
  }
  if (!spec.tokenUrl) throw new Error('auth.oauth2 names neither a tokenOperation in the contract nor a tokenUrl');
  return {
    method: 'POST',
    url: spec.tokenUrl,
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  };
}

/** RFC 6749 §5.1 access token response; anything else is a configuration or partner problem, said plainly. */
export function parseTokenResponse(exchange: Exchange): IssuedToken {
  const res = exchange.response;
  if (!res) throw new Error(`the OAuth2 token request got no answer: ${exchange.error?.code ?? ''} ${exchange.error?.message ?? ''}`.trim());
  const body = res.body as { access_token?: unknown; expires_in?: unknown; error?: unknown } | undefined;
  if (res.status !== 200 || typeof body?.access_token !== 'string') {
    const why = typeof body?.error === 'string' ? ` (${body.error})` : '';
    throw new Error(`the OAuth2 token request was answered ${res.status}${why}: check the client id and secret`);
  }
  const expires = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in);
  return Number.isFinite(expires) ? { token: body.access_token, expiresInSeconds: expires } : { token: body.access_token };
}
