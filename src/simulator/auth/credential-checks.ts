import { fieldValue } from '../../auth/index.ts';
import type { Credentials } from '../../credentials/index.ts';
import type { ApiKeyAuth } from '../../profile/index.ts';
import { basicValue } from '../../signer/index.ts';
import type { VerifyLayer } from './model.ts';
import type { TokenStore } from './token-store.ts';

// The credential layers as a strict partner checks them. Values are compared whole; a reason never
// quotes what was sent, since it may be someone's real key.

/** `acceptUnknown`: the planted defect `accept-unknown-api-key` — any non-empty key passes (a presence check). */
export function apiKeyCheck(spec: ApiKeyAuth, credentials: Credentials, acceptUnknown = false): VerifyLayer {
  return (message) => {
    const sent = spec.in === 'header' ? fieldValue(message.headers, spec.name) : (new URL(message.url).searchParams.get(spec.name) ?? undefined);
    if (sent === undefined || sent === '') return { detection: 'missing-credentials', reason: `no API key in ${spec.in} ${spec.name}` };
    return sent === credentials.get(spec.valueEnv) || acceptUnknown ? undefined : { detection: 'invalid-credentials', reason: 'invalid API key' };
  };
}

export function basicCheck(spec: { usernameEnv: string; passwordEnv: string }, credentials: Credentials): VerifyLayer {
  return (message) => {
    const sent = fieldValue(message.headers, 'authorization');
    if (sent === undefined || !/^basic /i.test(sent)) return { detection: 'missing-credentials', reason: 'no Basic credentials' };
    const expected = basicValue(credentials.get(spec.usernameEnv), credentials.get(spec.passwordEnv));
    return sent.slice(6) === expected.slice(6) ? undefined : { detection: 'invalid-credentials', reason: 'invalid user name or password' };
  };
}

/** A static bearer token, or one the simulator's token endpoint issued and that has not expired. */
export function bearerCheck(accept: (token: string, now: number) => boolean): VerifyLayer {
  return (message, now) => {
    const sent = fieldValue(message.headers, 'authorization');
    if (sent === undefined || !/^bearer /i.test(sent)) return { detection: 'missing-credentials', reason: 'no bearer token' };
    return accept(sent.slice(7).trim(), now) ? undefined : { detection: 'invalid-credentials', reason: 'the access token is invalid or expired' };
  };
}

export function staticBearer(tokenEnv: string, credentials: Credentials): (token: string) => boolean {
  return (token) => token === credentials.get(tokenEnv);
}

export function issuedBearer(store: TokenStore): (token: string, now: number) => boolean {
  return (token, now) => store.valid(token, now);
}
