/**
 * The profile's `auth` and `webhooks` sections (shape enforced by schemas/profile.schema.json, $defs
 * auth and webhooks). Secrets are never written here: every `…Env` key names an environment variable.
 */
import type { Duration } from './model.ts';
import type { PublicKeyAlgorithm } from './webhook-schemes.ts';

/** What a strict partner detected when it refused a request; rejections can differ by it. */
export type Detection =
  | 'missing-credentials'
  | 'invalid-credentials'
  | 'missing-signature'
  | 'invalid-signature'
  | 'unknown-key'
  | 'stale-timestamp'
  | 'future-timestamp'
  | 'replayed-nonce'
  | 'digest-mismatch';

export interface Rejection {
  status: number | number[];
  code?: string;
}

export type HmacComponentSpec = 'method' | 'path' | 'query' | 'timestamp' | 'nonce' | 'body-digest' | 'body' | { header: string };
export type Encoding = 'hex' | 'base64';
export type SecretEncoding = 'utf8' | 'base64' | 'hex';

export interface ApiKeyAuth {
  in: 'header' | 'query';
  name: string;
  valueEnv: string;
}

export interface OAuth2Auth {
  tokenOperation?: string;
  tokenUrl?: string;
  clientIdEnv: string;
  clientSecretEnv: string;
  scopes?: string[];
  clientAuth?: 'basic' | 'body';
  tokenLifetime?: Duration;
}

export interface HmacAuth {
  algorithm: 'sha256' | 'sha512';
  components: HmacComponentSpec[];
  separator?: string;
  encoding?: Encoding;
  bodyDigest?: { algorithm: 'sha256' | 'sha512'; encoding: Encoding };
  headers: { signature: string; keyId?: string; timestamp?: string; nonce?: string; digest?: string };
  signaturePrefix?: string;
  querySort?: boolean;
  keyIdEnv?: string;
  secretEnv: string;
  secretEncoding?: SecretEncoding;
  tolerance?: Duration;
}

export type Rfc9421Param = 'created' | 'expires' | 'nonce' | 'keyid' | 'alg' | 'tag';

export interface Rfc9421Auth {
  label?: string;
  algorithm: 'hmac-sha256' | 'ed25519' | 'ecdsa-p256-sha256' | 'rsa-pss-sha512';
  components: string[];
  params?: Rfc9421Param[];
  tag?: string;
  expiresIn?: Duration;
  keyId?: string;
  keyIdEnv?: string;
  keyEnv: string;
  contentDigest?: 'sha-256' | 'sha-512';
  tolerance?: Duration;
}

export interface AuthSpec {
  apiKey?: ApiKeyAuth;
  basic?: { usernameEnv: string; passwordEnv: string };
  bearer?: { tokenEnv: string };
  oauth2?: OAuth2Auth;
  hmac?: HmacAuth;
  rfc9421?: Rfc9421Auth;
  rejection?: Rejection;
  rejections?: Partial<Record<Detection, Rejection>>;
}

/** See docs/decisions/webhook-schemes.md for each scheme's keys. */
export type WebhookScheme = 'timestamped' | 'body-hmac' | 'fields-hmac' | 'public-key' | 'paypal' | 'rfc9421';

/** public-key: one part of the signed message: the raw body, a header's value, fixed text, or the unix time the sender puts in a header. */
export type MessagePart = 'body' | { header: string } | { text: string } | { timestamp: string };

/** A webhook-endpoint operation: each successful call registers the URL at `url` (a JSON Pointer into its request body). */
export interface WebhookRegistration {
  operation: string;
  url: string;
}

export interface WebhooksSpec {
  scheme: WebhookScheme;
  path?: string;
  header?: string;
  secretEnv?: string;
  secretEncoding?: SecretEncoding;
  algorithm?: 'sha256' | 'sha512' | Rfc9421Auth['algorithm'] | PublicKeyAlgorithm;
  /** Default hex for body-hmac, base64 for fields-hmac and public-key. */
  encoding?: Encoding;
  prefix?: string;
  /** fields-hmac: JSON Pointers to the signed fields, in order. */
  fields?: string[];
  /** fields-hmac: joins the fields (default ':'); public-key: joins the message parts (default '.'). */
  separator?: string;
  /** fields-hmac: JSON Pointer to the signature inside the body. */
  signatureAt?: string;
  /** public-key: what is signed (default: the raw body). */
  message?: MessagePart[];
  /** public-key with ECDSA: DER (default) or raw r||s. */
  ecdsaSignature?: 'der' | 'raw';
  /** public-key, paypal: the partner's public key or certificate in a file, relative to the profile (resolved when the partner loads). */
  keyFile?: string;
  /** paypal: the webhook id signed in each message, or the variable holding it. */
  webhookId?: string;
  webhookIdEnv?: string;
  label?: string;
  components?: string[];
  keyEnv?: string;
  keyIdEnv?: string;
  keyId?: string;
  contentDigest?: 'sha-256' | 'sha-512';
  tolerance?: Duration;
  events?: string[];
  /** JSON Pointer to the event id: the receiver's dedupe key (default /id). */
  eventId?: string;
  /** JSON Pointer to the event type (default /type). */
  eventType?: string;
  /** How the partner redelivers a delivery the receiver did not accept. */
  redelivery?: { attempts?: number; backoff?: Duration };
  /** The partner delivers only to URLs registered through this operation (none before); else to a URL set out of band. */
  registration?: WebhookRegistration;
  /** How railgate's receiver answers accepted deliveries. */
  receiver?: { answer?: number };
}
