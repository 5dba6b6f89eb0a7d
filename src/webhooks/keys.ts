import { createSecretKey } from 'node:crypto';
import type { SigningKey } from '../auth/index.ts';
import type { Credentials } from '../credentials/index.ts';
import { secretBytes, verifyingKey } from '../credentials/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';
import { keyIdOf, signingKeyOf } from '../signer/index.ts';

/** Key material for one webhook scheme: a shared secret for the HMAC schemes, a key for RFC 9421. */
export interface WebhookKey {
  secret?: Buffer;
  key?: SigningKey;
  keyId?: string;
}

export interface WebhookKeys {
  /** What the receiver verifies with. */
  verify: WebhookKey;
  /**
   * What a sender signs with, when it is known here: the shared secret, or the partner's private key —
   * which only the simulator's test credentials hold. Against a sandbox RFC 9421 keys are public only.
   */
  sign?: WebhookKey;
}

export function webhookKeys(spec: WebhooksSpec, credentials: Credentials): WebhookKeys {
  if (spec.scheme !== 'rfc9421') {
    const secret = secretBytes(credentials.get(spec.secretEnv as string), spec.secretEncoding);
    return { verify: { secret }, sign: { secret } };
  }
  const keyId = keyIdOf(spec, (n) => credentials.get(n));
  const id = keyId === undefined ? {} : { keyId };
  const key = signingKeyOf(spec, credentials.get(spec.keyEnv as string));
  if (key instanceof Uint8Array) return { verify: { key, ...id }, sign: { key, ...id } };
  if (key.type === 'secret') {
    const bytes = key.export();
    return { verify: { key: createSecretKey(bytes), ...id }, sign: { key, ...id } };
  }
  const verify = { key: verifyingKey(key), ...id };
  return key.type === 'private' ? { verify, sign: { key, ...id } } : { verify };
}
