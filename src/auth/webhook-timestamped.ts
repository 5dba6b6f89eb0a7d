/**
 * Timestamped webhook HMAC in the Stripe style: `t=<unix>,v1=<hex>`, where v1 is
 * HMAC-SHA256(secret as UTF-8, `${t}.${raw body}`). Several v1 values may be present (the sender
 * signs with every live secret during a rotation); any one matching a secret is enough.
 */
import { decodeHex, toBuffer, type Bytes } from './bytes.ts';
import { hmacBytes, type HmacSecret } from './hmac-canonical.ts';
import type { Failure } from './result.ts';
import { matchingSecret, secretList } from './webhook-secrets.ts';

export type TimestampedWebhookStep = 'missing-header' | 'malformed-header' | 'signature-mismatch' | 'stale-timestamp' | 'future-timestamp';

export interface SignTimestampedWebhookOptions {
  body: Bytes;
  secret: HmacSecret;
  /** Unix seconds. */
  timestamp: number;
}

export interface SignedTimestampedWebhook {
  header: string;
  /** `${t}.${body}`, the exact text that was signed. */
  signedPayload: string;
  signature: string;
}

export interface VerifyTimestampedWebhookOptions {
  header: string | undefined;
  body: Bytes;
  secrets: HmacSecret | readonly HmacSecret[];
  /** Unix seconds. */
  now: number;
  /** Default 300, as Stripe's libraries. */
  toleranceSeconds?: number;
}

export type TimestampedWebhookVerification =
  | { ok: true; timestamp: number; secretIndex: number }
  | (Failure<TimestampedWebhookStep> & { signedPayload?: string });

function payload(timestamp: number | string, body: Bytes): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), toBuffer(body)]);
}

export function signTimestampedWebhook(options: SignTimestampedWebhookOptions): SignedTimestampedWebhook {
  if (!Number.isInteger(options.timestamp)) throw new TypeError('timestamp must be integer unix seconds');
  const signed = payload(options.timestamp, options.body);
  const signature = hmacBytes('sha256', options.secret, signed).toString('hex');
  return { header: `t=${options.timestamp},v1=${signature}`, signedPayload: signed.toString('utf8'), signature };
}

export function parseTimestampedHeader(header: string): { timestamp: string; signatures: string[] } | undefined {
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const element of header.split(',')) {
    const eq = element.indexOf('=');
    if (eq === -1) continue;
    const key = element.slice(0, eq).trim();
    const value = element.slice(eq + 1).trim();
    if (key === 't') timestamp = value;
    // Other schemes (v0, a test-mode signature) are ignored, as by the provider's own libraries.
    if (key === 'v1') signatures.push(value);
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

export function verifyTimestampedWebhook(options: VerifyTimestampedWebhookOptions): TimestampedWebhookVerification {
  const { header, now } = options;
  const tolerance = options.toleranceSeconds ?? 300;
  if (header === undefined || header.trim() === '') return { ok: false, step: 'missing-header', reason: 'no signature header' };
  const parsed = parseTimestampedHeader(header);
  if (parsed === undefined) return { ok: false, step: 'malformed-header', reason: 'expected t=<unix seconds> and at least one v1=<hex>' };
  if (!/^\d{1,15}$/.test(parsed.timestamp)) return { ok: false, step: 'malformed-header', reason: `t is not unix seconds: ${parsed.timestamp}` };
  const timestamp = Number(parsed.timestamp);
  const signed = payload(parsed.timestamp, options.body);
  const candidates = parsed.signatures.map(decodeHex).filter((b): b is Buffer => b !== undefined);
  const secretIndex = matchingSecret(secretList(options.secrets), candidates, (secret) => hmacBytes('sha256', secret, signed));
  const signedPayload = signed.toString('utf8');
  if (secretIndex === -1) return { ok: false, step: 'signature-mismatch', reason: 'no v1 signature matches any secret', signedPayload };
  // Checked after the signature, as the provider does: a stale but authentic event says "stale".
  if (now - timestamp > tolerance) return { ok: false, step: 'stale-timestamp', reason: `signed ${now - timestamp}s ago, tolerance ${tolerance}s`, signedPayload };
  if (timestamp - now > tolerance) return { ok: false, step: 'future-timestamp', reason: `signed ${timestamp - now}s ahead, tolerance ${tolerance}s`, signedPayload };
  return { ok: true, timestamp, secretIndex };
}
