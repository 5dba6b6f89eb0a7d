import type { Operation } from '../contract/index.ts';
import type { Credentials } from '../credentials/index.ts';
import type { HttpRequest } from '../http/index.ts';
import type { Profile } from '../profile/index.ts';
import { apiKeyLayer } from './api-key.ts';
import { basicLayer } from './basic.ts';
import { bearerLayer, tokenLayer } from './bearer.ts';
import { hmacLayer } from './hmac.ts';
import type { SignedRequest, SigningLayer, SignOptions, SigningTrace } from './model.ts';
import { clientAuthLayer } from './oauth2.ts';
import { rfc9421Layer } from './rfc9421.ts';
import { cachedTokenSource } from './token-cache.ts';
import type { IssuedToken, TokenSource } from './token-cache.ts';

/** Signs requests to secured operations the way the profile says the partner expects. */
export interface RequestSigner {
  /** The layers a request to `op` gets, in order; none for an operation the contract leaves unsecured. */
  layers(op: Operation): readonly SigningLayer[];
  sign(request: HttpRequest, op: Operation, options: SignOptions): Promise<SignedRequest>;
  /** Header names (lower case) whose values are secrets, for the redaction rules. */
  readonly secretHeaders: readonly string[];
  /** Secret values known now: configured ones and the cached OAuth2 token. */
  secretValues(): string[];
  /** The OAuth2 token cache, when the profile uses OAuth2 client credentials. */
  readonly tokens?: TokenSource;
  /** Whether requests to `op` carry an OAuth2 access token (then a 401 may mean a revoked token). */
  usesToken(op: Operation): boolean;
}

export interface SignerDeps {
  /** Fetches an OAuth2 token (through the session, so the exchange is recorded and reported). */
  fetchToken?: () => Promise<IssuedToken>;
  /** The run's clock, profile ms: token lifetimes are measured on it. */
  now: () => number;
}

/** Secured = the contract names a security requirement and none of its alternatives is empty (`{}`). */
export function isSecured(op: Operation): boolean {
  return op.security.length > 0 && op.security.every((requirement) => Object.keys(requirement).length > 0);
}

export function createSigner(profile: Profile, credentials: Credentials, deps: SignerDeps): RequestSigner {
  const auth = profile.auth ?? {};
  let tokens: TokenSource | undefined;
  if (auth.oauth2) {
    const fetchToken = deps.fetchToken;
    if (!fetchToken) throw new Error('auth.oauth2 needs a way to fetch tokens');
    tokens = cachedTokenSource(fetchToken, deps.now);
  }
  const layers: SigningLayer[] = [];
  if (auth.apiKey) layers.push(apiKeyLayer(auth.apiKey, credentials));
  if (auth.basic) layers.push(basicLayer(auth.basic, credentials));
  if (auth.bearer) layers.push(bearerLayer(auth.bearer, credentials));
  if (tokens) layers.push(tokenLayer(tokens));
  if (auth.hmac) layers.push(hmacLayer(auth.hmac, credentials));
  if (auth.rfc9421) layers.push(rfc9421Layer(auth.rfc9421, credentials));
  // The token endpoint authenticates the client itself; a token or a request signature would be circular.
  const tokenLayers = auth.oauth2 ? [clientAuthLayer(auth.oauth2, credentials)] : [];
  const layersFor = (op: Operation): readonly SigningLayer[] => {
    if (auth.oauth2?.tokenOperation === op.id) return tokenLayers;
    return isSecured(op) ? layers : [];
  };
  return {
    layers: layersFor,
    async sign(request, op, options) {
      const copy: HttpRequest = { ...request, headers: { ...request.headers } };
      let trace: SigningTrace | undefined;
      for (const layer of layersFor(op)) {
        if (layer.kind === 'credential' && options.forge?.omitCredentials) continue;
        if (layer.kind === 'signature' && options.forge?.omitSignature) continue;
        trace = (await layer.apply(copy, options)) ?? trace;
      }
      return trace ? { request: copy, trace } : { request: copy };
    },
    usesToken: (op) => tokens !== undefined && auth.oauth2?.tokenOperation !== op.id && isSecured(op),
    secretHeaders: [...new Set([...layers, ...tokenLayers].flatMap((l) => l.secretHeaders))],
    secretValues: () => [...credentials.secretValues(), ...(tokens?.current() ? [tokens.current() as string] : [])],
    ...(tokens ? { tokens } : {}),
  };
}
