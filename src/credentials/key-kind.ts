import { readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { unfitKey } from '../auth/index.ts';
import { isHmacScheme, isKeyPairScheme, keyPairAlgorithm } from '../profile/index.ts';
import type { Profile, WebhooksSpec } from '../profile/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';
import type { Credentials } from './credentials.ts';
import { parseKey, secretBytes } from './key-text.ts';

/** What a credential's text is, by its form: key material, or (anything else) a shared secret. */
export function materialOf(text: string): 'certificate' | 'private key' | 'public key' | 'JWK' | undefined {
  const t = text.trim();
  if (/^-----BEGIN CERTIFICATE-----/.test(t)) return 'certificate';
  if (/^-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(t)) return 'private key';
  if (/^-----BEGIN [A-Z ]*PUBLIC KEY-----/.test(t)) return 'public key';
  if (t.startsWith('{') && /"kty"\s*:/.test(t)) return 'JWK';
  return undefined;
}

/**
 * Key material where a shared secret belongs, or a shared secret where a key belongs, in the `webhooks` section
 * (and `auth.hmac`): a located sentence saying what was expected. Checks the values `credentials` holds (the
 * simulator's test credentials at lint, the environment at run start) and the `keyFile`, whatever the environment.
 */
export function keyKindProblems(profile: Profile, doc: LocatedDocument, credentials: Credentials, env: 'simulator' | 'sandbox' | 'production'): InputProblem[] {
  const problems: InputProblem[] = [];
  const hooks = profile.webhooks;
  const hmacSecret = profile.auth?.hmac?.secretEnv;
  if (hmacSecret !== undefined && credentials.has(hmacSecret)) {
    const found = materialOf(credentials.get(hmacSecret));
    if (found) problems.push(doc.problem(['auth', 'hmac', 'secretEnv'], `${hmacSecret} holds a ${found}, not a shared secret: auth.hmac signs with a secret both sides hold`));
  }
  if (!hooks) return problems;
  if (isHmacScheme(hooks) && hooks.secretEnv !== undefined && credentials.has(hooks.secretEnv)) {
    const value = credentials.get(hooks.secretEnv);
    const found = materialOf(value);
    if (found) {
      problems.push(doc.problem(['webhooks', 'secretEnv'], `${hooks.secretEnv} holds a ${found}, not a shared secret: a ${hooks.scheme} webhook is an HMAC with a secret both sides hold; a partner that signs with its own key is scheme public-key (or paypal) with keyEnv or keyFile`));
    } else {
      try {
        secretBytes(value, hooks.secretEncoding);
      } catch (e) {
        problems.push(doc.problem(['webhooks', 'secretEnv'], `${hooks.secretEnv} ${(e as Error).message} (webhooks.secretEncoding: ${hooks.secretEncoding ?? 'utf8'})`));
      }
    }
  }
  if (isKeyPairScheme(hooks)) problems.push(...keyPairProblems(hooks, doc, credentials, env));
  return problems;
}

function keyPairProblems(hooks: WebhooksSpec, doc: LocatedDocument, credentials: Credentials, env: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const expected = hooks.scheme === 'paypal' ? "PayPal's certificate (PEM) or its public key" : "the partner's public key (PEM or JWK) or its certificate";
  const algorithm = keyPairAlgorithm(hooks);
  const judge = (path: Array<string | number>, name: string, text: string, publicOnly: boolean): void => {
    const found = materialOf(text);
    if (!found) {
      problems.push(doc.problem(path, `${name} holds no key (it reads like a shared secret): a ${hooks.scheme} webhook is verified with ${expected}; a partner that signs with a shared secret is scheme body-hmac, timestamped or fields-hmac with secretEnv`));
      return;
    }
    if (publicOnly && found === 'private key') {
      problems.push(doc.problem(path, `${name} holds a private key: a keyFile is committed, so it holds public material only (${expected}); the simulator's private key belongs in environments.simulator.testCredentials under keyEnv`));
      return;
    }
    let key: KeyObject;
    try {
      key = parseKey(text);
    } catch (e) {
      problems.push(doc.problem(path, `${name} ${(e as Error).message}`));
      return;
    }
    const unfit = unfitKey({ algorithm }, key);
    if (unfit) problems.push(doc.problem(path, `${name}: ${unfit}`));
  };
  if (hooks.keyFile !== undefined) {
    let text: string | undefined;
    try {
      text = readFileSync(hooks.keyFile, 'utf8');
    } catch (e) {
      problems.push(doc.problem(['webhooks', 'keyFile'], `cannot read ${hooks.keyFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
    }
    if (text !== undefined) judge(['webhooks', 'keyFile'], hooks.keyFile, text, true);
  }
  if (hooks.keyEnv !== undefined && credentials.has(hooks.keyEnv)) judge(['webhooks', 'keyEnv'], hooks.keyEnv, credentials.get(hooks.keyEnv), false);
  if (env === 'simulator' && hooks.keyEnv !== undefined && credentials.has(hooks.keyEnv) && materialOf(credentials.get(hooks.keyEnv)) !== 'private key' && problems.length === 0) {
    problems.push(doc.problem(['webhooks', 'keyEnv'], `the simulator signs its webhooks with the partner's private key: ${hooks.keyEnv} in environments.simulator.testCredentials must hold a test private key (PEM), not public material`));
  }
  return problems;
}
