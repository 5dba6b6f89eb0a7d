import { fieldValue } from '../../auth/index.ts';
import type { HttpMessage } from '../../auth/index.ts';
import type { Credentials } from '../../credentials/index.ts';
import type { OAuth2Auth } from '../../profile/index.ts';
import { parseDuration } from '../../profile/index.ts';
import type { TokenStore } from './token-store.ts';
import type { Answer } from '../answer.ts';

/** RFC 6749 §5.2 error response; `invalid_client` is 401 with a WWW-Authenticate challenge. */
function oauthError(status: number, error: string, description: string): Answer {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store' };
  if (status === 401) headers['www-authenticate'] = 'Basic realm="token"';
  return { status, headers, body: JSON.stringify({ error, error_description: description }) };
}

function clientOf(spec: OAuth2Auth, message: HttpMessage & { body: string }, form: URLSearchParams): { id?: string; secret?: string } {
  if ((spec.clientAuth ?? 'basic') === 'body') return { id: form.get('client_id') ?? undefined, secret: form.get('client_secret') ?? undefined };
  const header = fieldValue(message.headers, 'authorization');
  if (header === undefined || !/^basic /i.test(header)) return {};
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return {};
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

/** The token endpoint of the client-credentials grant (RFC 6749 §4.4), as the simulator serves it. */
export function answerTokenRequest(spec: OAuth2Auth, credentials: Credentials, store: TokenStore, newToken: () => string, message: HttpMessage & { body: string }, now: number): Answer {
  const form = new URLSearchParams(message.body);
  const client = clientOf(spec, message, form);
  if (client.id === undefined || client.secret === undefined) return oauthError(401, 'invalid_client', 'client authentication is required');
  if (client.id !== credentials.get(spec.clientIdEnv) || client.secret !== credentials.get(spec.clientSecretEnv)) return oauthError(401, 'invalid_client', 'client authentication failed');
  if (form.get('grant_type') !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'only client_credentials is supported');
  const lifetime = Math.round(parseDuration(spec.tokenLifetime ?? '1h') / 1000);
  const token = newToken();
  store.issue(token, now, lifetime);
  const body = { access_token: token, token_type: 'Bearer', expires_in: lifetime, ...(form.get('scope') ? { scope: form.get('scope') } : {}) };
  return { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify(body) };
}
