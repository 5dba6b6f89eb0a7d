import type { Credentials } from '../../credentials/index.ts';
import type { Partner } from '../../partner/index.ts';
import { rejectionFor, rejectionStatuses } from '../../profile/index.ts';
import { isSecured } from '../../signer/index.ts';
import { apiKeyCheck, basicCheck, bearerCheck, issuedBearer, staticBearer } from './credential-checks.ts';
import { hmacCheck } from './hmac-check.ts';
import type { AuthGate, VerifyLayer } from './model.ts';
import { NonceStore } from './nonces.ts';
import { credentialReflector } from './reflect.ts';
import { rfc9421Check } from './rfc9421-check.ts';
import { answerTokenRequest } from './token-endpoint.ts';
import { TokenStore } from './token-store.ts';

export interface GateOptions {
  partner: Partner;
  /** The simulator's test credentials: it holds what the partner would hold. */
  credentials: Credentials;
  defects: ReadonlySet<string>;
  /** Unix seconds the partner judges signatures and tokens by: the wall clock in a standalone simulator (server.ts, `stamps`). */
  now: () => number;
  newToken: () => string;
}

/**
 * The simulator's authentication, first stage of every request: each layer the profile declares,
 * checked as strictly as the partner documents it, credentials before the signature. A refusal carries the
 * status and code the profile documents for what was detected.
 */
export function createAuthGate(options: GateOptions): AuthGate {
  const { partner, credentials, defects, now } = options;
  const auth = partner.profile.auth ?? {};
  const nonces = new NonceStore();
  const tokens = new TokenStore();
  const planted = {
    acceptMissingSignature: defects.has('accept-missing-signature'),
    acceptStaleTimestamp: defects.has('accept-stale-timestamp'),
    unsignedBody: defects.has('unsigned-body'),
  };
  const reflect = defects.has('reflect-credentials') ? credentialReflector(partner.profile) : undefined;
  const layers: VerifyLayer[] = [];
  if (auth.apiKey) layers.push(apiKeyCheck(auth.apiKey, credentials, defects.has('accept-unknown-api-key')));
  if (auth.basic) layers.push(basicCheck(auth.basic, credentials));
  if (auth.bearer) layers.push(bearerCheck(staticBearer(auth.bearer.tokenEnv, credentials)));
  if (auth.oauth2) layers.push(bearerCheck(issuedBearer(tokens)));
  if (auth.hmac) layers.push(hmacCheck(auth.hmac, credentials, nonces, planted));
  if (auth.rfc9421) layers.push(rfc9421Check(auth.rfc9421, credentials, nonces, planted));
  return {
    revokeTokens: () => tokens.revokeAll(),
    check(op, message) {
      if (auth.oauth2?.tokenOperation === op.id) {
        return { kind: 'respond', answer: answerTokenRequest(auth.oauth2, credentials, tokens, options.newToken, message, now()) };
      }
      if (!isSecured(op) || layers.length === 0) return undefined;
      for (const layer of layers) {
        const verdict = layer(message, now());
        if (!verdict) continue;
        const rejection = rejectionFor(auth, verdict.detection);
        const status = rejectionStatuses(rejection)[0] ?? 401;
        if (reflect && verdict.detection === 'invalid-credentials') return { kind: 'respond', answer: reflect(message, status, rejection.code) };
        return { kind: 'refuse', status, ...(rejection.code === undefined ? {} : { code: rejection.code }), message: verdict.reason };
      }
      return undefined;
    },
  };
}
