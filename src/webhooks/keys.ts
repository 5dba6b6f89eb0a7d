import { createSecretKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SignatureAlgorithm, SigningKey } from '../auth/index.ts';
import type { Credentials } from '../credentials/index.ts';
import { foreignKey, foreignRsaKey, foreignSecret, parseKey, secretBytes, verifyingKey } from '../credentials/index.ts';
import { isHmacScheme, isKeyPairScheme, keyPairAlgorithm } from '../profile/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';
import { keyIdOf, signingKeyOf } from '../signer/index.ts';

/** Key material for one webhook scheme: a shared secret for the HMAC schemes, a key for the others. */
export interface WebhookKey {
  secret?: Buffer;
  key?: SigningKey;
  keyId?: string;
  /** paypal: the webhook id every message signs. */
  webhookId?: string;
}

export interface WebhookKeys {
  /** What the receiver verifies with. */
  verify: WebhookKey;
  /**
   * What a sender signs with, when it is known here: the shared secret, or the partner's private key —
   * which only the simulator's test credentials hold. Against a sandbox, keys are public only.
   */
  sign?: WebhookKey;
  /** Where the key came from, for messages. */
  source?: string;
}

/** The key of a key-pair scheme as node:crypto takes it (a shared secret cannot sign or verify these). */
export function keyObjectOf(key: WebhookKey): KeyObject {
  const k = key.key;
  if (k === undefined) throw new Error('no key for this webhook scheme here (partners signing with their own key publish only its public half)');
  if (k instanceof Uint8Array) throw new TypeError('a signature by a key pair needs a key, not a shared secret');
  return k;
}

/** The schemes that sign a time, so a replayed delivery can be told stale. */
export function signsTime(spec: WebhooksSpec): boolean {
  if (spec.scheme === 'public-key') return spec.message?.some((p) => typeof p === 'object' && 'timestamp' in p) === true;
  return spec.scheme === 'timestamped' || spec.scheme === 'rfc9421' || spec.scheme === 'paypal';
}

/**
 * The partner's key text for public-key and paypal: the variable when it is set (the simulator's private test key),
 * else the committed file (resolved against the profile when it loaded), else the variable, which must then be set.
 */
export function keyPairText(spec: WebhooksSpec, credentials: Credentials): { text: string; source: string } {
  if (spec.keyEnv !== undefined && (spec.keyFile === undefined || credentials.has(spec.keyEnv))) return { text: credentials.get(spec.keyEnv), source: `${spec.keyEnv} (${credentials.source})` };
  if (spec.keyFile !== undefined) return { text: readFileSync(spec.keyFile, 'utf8'), source: spec.keyFile };
  throw new Error(`webhooks.scheme ${spec.scheme} needs keyEnv or keyFile`);
}

export function webhookKeys(spec: WebhooksSpec, credentials: Credentials): WebhookKeys {
  if (isHmacScheme(spec)) {
    const secret = secretBytes(credentials.get(spec.secretEnv as string), spec.secretEncoding);
    return { verify: { secret }, sign: { secret }, source: `${spec.secretEnv} (${credentials.source})` };
  }
  if (isKeyPairScheme(spec)) {
    const { text, source } = keyPairText(spec, credentials);
    const key = parseKey(text);
    const webhookId = spec.webhookId ?? (spec.webhookIdEnv === undefined ? undefined : credentials.get(spec.webhookIdEnv));
    const extra = webhookId === undefined ? {} : { webhookId };
    const verify = { key: verifyingKey(key), ...extra };
    return key.type === 'private' ? { verify, sign: { key, ...extra }, source } : { verify, source };
  }
  const keyId = keyIdOf(spec, (n) => credentials.get(n));
  const id = keyId === undefined ? {} : { keyId };
  const source = `${spec.keyEnv} (${credentials.source})`;
  const key = signingKeyOf(spec, credentials.get(spec.keyEnv as string));
  if (key instanceof Uint8Array) return { verify: { key, ...id }, sign: { key, ...id }, source };
  if (key.type === 'secret') {
    const bytes = key.export();
    return { verify: { key: createSecretKey(bytes), ...id }, sign: { key, ...id }, source };
  }
  const verify = { key: verifyingKey(key), ...id };
  return key.type === 'private' ? { verify, sign: { key, ...id }, source } : { verify, source };
}

/**
 * A key of the right kind that the partner's receivers do not know: what a forger signs with, and what the
 * `webhook-bad-signature` simulator signs with. Key ids and the webhook id stay the real ones: only the key is wrong.
 */
export function forgedWebhookKey(spec: WebhooksSpec, real?: WebhookKey): WebhookKey {
  const keep = { ...(real?.keyId === undefined ? {} : { keyId: real.keyId }), ...(real?.webhookId === undefined ? {} : { webhookId: real.webhookId }) };
  if (isHmacScheme(spec)) return { secret: foreignSecret(), ...keep };
  if (spec.scheme === 'rfc9421') return { key: foreignKey((spec.algorithm ?? 'ed25519') as SignatureAlgorithm), ...keep };
  return { key: foreignKeyFor(spec), ...keep };
}

/** A private key for the public-key and paypal schemes' algorithm (RSA for paypal and the rsa-* algorithms). */
function foreignKeyFor(spec: WebhooksSpec): KeyObject {
  const alg = keyPairAlgorithm(spec);
  if (alg === 'ed25519' || alg === 'ecdsa-p256-sha256') return foreignKey(alg) as KeyObject;
  return foreignRsaKey();
}
