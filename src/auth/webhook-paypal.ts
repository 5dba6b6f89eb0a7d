/**
 * PayPal's webhook signature: SHA256withRSA, base64, over `<transmission id>|<transmission time>|<webhook id>|<crc32>`,
 * the CRC-32 of the raw body as an unsigned decimal (developer.paypal.com/api/rest/webhooks/rest, "verify the
 * signature" offline). The key is the one of the certificate PayPal names in PAYPAL-CERT-URL.
 */
import { crc32 } from 'node:zlib';
import { toBuffer, type Bytes } from './bytes.ts';

export const PAYPAL_HEADERS = {
  transmissionId: 'paypal-transmission-id',
  transmissionTime: 'paypal-transmission-time',
  signature: 'paypal-transmission-sig',
  algorithm: 'paypal-auth-algo',
  certUrl: 'paypal-cert-url',
} as const;

/** The one algorithm PayPal names in PAYPAL-AUTH-ALGO. */
export const PAYPAL_AUTH_ALGO = 'SHA256withRSA';

export function paypalMessage(parts: { transmissionId: string; transmissionTime: string; webhookId: string; body: Bytes }): string {
  return `${parts.transmissionId}|${parts.transmissionTime}|${parts.webhookId}|${crc32(toBuffer(parts.body)) >>> 0}`;
}
