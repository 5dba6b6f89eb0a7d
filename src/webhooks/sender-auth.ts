import type { ReceivedEvent } from '../contract/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';
import type { WebhookKeys } from './keys.ts';
import { basicValue } from '../signer/index.ts';

/** One credential the partner presents with a delivery, as the contract's security scheme `scheme` asks for it. */
export type SenderCredential =
  | { scheme: string; kind: 'basic'; username: string; password: string }
  | { scheme: string; kind: 'bearer'; token: string }
  | { scheme: string; kind: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string; value: string };

/**
 * How railgate's receiver tells the partner's deliveries of an event from anyone else's: a signature (the
 * profile's `webhooks` scheme), credentials (what the event's `security` asks, all of them), or nothing — and why.
 */
export type SenderAuth =
  | { kind: 'signature'; spec: WebhooksSpec; keys: WebhookKeys }
  | { kind: 'credentials'; credentials: SenderCredential[] }
  | { kind: 'none'; reason: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The sender authentication for an event (pure). The profile's `webhooks` section wins: it says how the
 * partner signs. Else the event's `security`: its first requirement whose every scheme the receiver can check
 * (HTTP Basic, Bearer, an API key), with test credentials from `secret(scheme, part)`. A requirement that is
 * empty lets anyone send; none at all, or only schemes no receiver can check, leave the sender unauthenticated.
 */
export function senderAuth(event: ReceivedEvent, schemes: Record<string, Record<string, unknown>>, profile: { spec: WebhooksSpec; keys: WebhookKeys } | undefined, secret: (scheme: string, part: string) => string): SenderAuth {
  if (profile) return { kind: 'signature', ...profile };
  const what = `${event.kind} ${event.id}`;
  if (event.security.length === 0) return { kind: 'none', reason: `the contract gives ${what} no \`security\` and the profile has no \`webhooks\` section: nothing lets a receiver tell the partner's deliveries from a forger's` };
  if (event.security.some((r) => Object.keys(r).length === 0)) return { kind: 'none', reason: `the \`security\` of ${what} lists an empty requirement: anyone may deliver it` };
  const unsupported: string[] = [];
  for (const requirement of event.security) {
    const credentials = Object.keys(requirement).map((name) => credentialFor(name, schemes[name], secret));
    const missing = Object.keys(requirement).filter((_, i) => credentials[i] === undefined);
    if (missing.length === 0) return { kind: 'credentials', credentials: credentials as SenderCredential[] };
    unsupported.push(...missing.map((name) => `'${name}' (${describe(schemes[name])})`));
  }
  return { kind: 'none', reason: `railgate's receiver cannot check the security schemes ${what} names: ${[...new Set(unsupported)].join(', ')}; a profile \`webhooks\` section can say how the partner signs` };
}

function credentialFor(name: string, scheme: Record<string, unknown> | undefined, secret: (scheme: string, part: string) => string): SenderCredential | undefined {
  if (!isObj(scheme)) return undefined;
  const http = scheme.type === 'http' && typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : undefined;
  if (http === 'basic') return { scheme: name, kind: 'basic', username: secret(name, 'username'), password: secret(name, 'password') };
  if (http === 'bearer') return { scheme: name, kind: 'bearer', token: secret(name, 'token') };
  if (scheme.type === 'apiKey' && typeof scheme.name === 'string' && (scheme.in === 'header' || scheme.in === 'query' || scheme.in === 'cookie')) {
    return { scheme: name, kind: 'apiKey', in: scheme.in, name: scheme.name, value: secret(name, 'value') };
  }
  return undefined;
}

function describe(scheme: Record<string, unknown> | undefined): string {
  if (!isObj(scheme)) return 'not in components.securitySchemes';
  return [scheme.type, scheme.scheme].filter((v) => typeof v === 'string').join(' ');
}

/** Every secret value of a sender authentication built from the contract: what reports must never show. */
export function senderSecrets(auth: SenderAuth): string[] {
  if (auth.kind !== 'credentials') return [];
  return auth.credentials.flatMap((c) => (c.kind === 'basic' ? [c.password, basicValue(c.username, c.password).slice('Basic '.length)] : c.kind === 'bearer' ? [c.token] : [c.value]));
}
