import { safeEqualText } from '../auth/index.ts';
import { basicValue } from '../signer/index.ts';
import type { WebhookDelivery } from './model.ts';
import type { DeliveryStage } from './receiver.ts';
import type { SenderCredential } from './sender-auth.ts';

/**
 * The receiver's first stage for an event secured by credentials (HTTP Basic, Bearer, an API key): each one the
 * contract asks for must come with the delivery, and be right, or the delivery is refused with 401 and which.
 */
export function credentialStage(credentials: readonly SenderCredential[]): DeliveryStage {
  return (delivery) => {
    for (const c of credentials) {
      const presented = presentedValue(c, delivery);
      if (presented === undefined) return { status: 401, step: 'missing-credentials', reason: `no ${label(c)} came with the delivery` };
      if (!safeEqualText(presented, expectedValue(c))) return { status: 401, step: 'invalid-credentials', reason: `the ${label(c)} is not the one the partner was given` };
    }
    return undefined;
  };
}

/** Adds a sender's credentials to a delivery, as the partner would (headers, query, cookie). */
export function presentCredentials(credentials: readonly SenderCredential[], delivery: WebhookDelivery): void {
  for (const c of credentials) {
    const value = expectedValue(c);
    if (c.kind !== 'apiKey') delivery.headers.authorization = value;
    else if (c.in === 'header') delivery.headers[c.name.toLowerCase()] = value;
    else if (c.in === 'cookie') delivery.headers.cookie = [delivery.headers.cookie, `${c.name}=${encodeURIComponent(value)}`].filter(Boolean).join('; ');
    else {
      const url = new URL(delivery.url);
      url.searchParams.set(c.name, value);
      delivery.url = url.toString();
    }
  }
}

function label(c: SenderCredential): string {
  return c.kind === 'basic' ? `HTTP Basic credentials (${c.scheme})` : c.kind === 'bearer' ? `bearer token (${c.scheme})` : `API key ${c.name} in the ${c.in} (${c.scheme})`;
}

/** The exact text a sender puts where the scheme says. */
function expectedValue(c: SenderCredential): string {
  if (c.kind === 'basic') return basicValue(c.username, c.password);
  if (c.kind === 'bearer') return `Bearer ${c.token}`;
  return c.value;
}

function presentedValue(c: SenderCredential, delivery: WebhookDelivery): string | undefined {
  if (c.kind !== 'apiKey') {
    const header = delivery.headers.authorization;
    // The auth-scheme token is case-insensitive (RFC 9110 §11.1).
    const prefix = c.kind === 'basic' ? 'basic ' : 'bearer ';
    return header?.toLowerCase().startsWith(prefix) ? `${c.kind === 'basic' ? 'Basic' : 'Bearer'} ${header.slice(prefix.length).trim()}` : undefined;
  }
  if (c.in === 'header') return delivery.headers[c.name.toLowerCase()];
  if (c.in === 'query') return new URL(delivery.url).searchParams.get(c.name) ?? undefined;
  const cookie = (delivery.headers.cookie ?? '').split(';').map((p) => p.trim().split('=')).find(([k]) => k === c.name);
  return cookie ? decodeURIComponent(cookie.slice(1).join('=')) : undefined;
}
