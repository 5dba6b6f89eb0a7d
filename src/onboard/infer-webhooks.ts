import type { Contract, ReceivedEvent } from '../contract/index.ts';
import { getPointer } from '../json/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';
import { enumOf, fieldsOf, resolveSchema } from './schema-walk.ts';
import { note, todo } from './model.ts';
import type { Section } from './model.ts';

const TYPE_NAMES = ['type', 'eventType', 'event_type', 'eventCode', 'event'];
const ID_NAMES = ['id', 'eventId', 'event_id', 'notificationId'];

export interface InferredWebhooks extends Section<WebhooksSpec> {
  credentials: Record<string, string>;
}

/** The event payload's type values and where its type and id sit. */
function payloadTerms(contract: Contract, events: ReceivedEvent[]): { types: string[]; typeAt?: string; idAt?: string } {
  const doc = contract.bundled;
  const types = new Set<string>();
  let typeAt: string | undefined;
  let idAt: string | undefined;
  for (const e of events) {
    const media = e.requestBody?.content.find((m) => /json/.test(m.contentType) && m.schemaPointer);
    if (!media?.schemaPointer) continue;
    const fields = fieldsOf(doc, resolveSchema(doc, getPointer(doc, media.schemaPointer)), 1);
    const type = fields.find((f) => TYPE_NAMES.includes(f.name));
    const values = type ? enumOf(doc, type.schema) : [];
    if (type && values.length > 0) {
      typeAt ??= type.pointer;
      values.forEach((v) => types.add(v));
    }
    idAt ??= fields.find((f) => ID_NAMES.includes(f.name))?.pointer;
  }
  return { types: [...types], ...(typeAt && { typeAt }), ...(idAt && { idAt }) };
}

/** How the contract says events are signed, when it says it in a way railgate knows. */
function recognisedScheme(events: ReceivedEvent[], contract: Contract): { scheme: WebhooksSpec['scheme']; header: string } | undefined {
  for (const e of events) {
    const op = getPointer(contract.bundled, e.pointer) as Record<string, unknown> | undefined;
    const text = `${String(op?.description ?? '')} ${e.parameters.map((p) => p.name).join(' ')}`;
    const header = e.parameters.find((p) => p.in === 'header' && /signature/i.test(p.name))?.name;
    if (!header) continue;
    if (/t=.*v1=/.test(text) && /hmac/i.test(text)) return { scheme: 'timestamped', header };
    if (/hmac/i.test(text) && /raw body/i.test(text)) return { scheme: 'body-hmac', header };
  }
  return undefined;
}

/**
 * The profile's `webhooks` from the contract's OpenAPI 3.1 `webhooks` and callbacks: the event types (from the
 * payload's type enum), where the id and type sit, and the signing scheme when the contract says it plainly.
 * A scheme it cannot tell is a commented-out proposal with a TODO, never a guess.
 */
export function inferWebhooks(contract: Contract, prefix: string, testValue: (env: string) => string): InferredWebhooks {
  const events = [...contract.webhooks.values()];
  if (events.length === 0) return { notes: [], credentials: {} };
  const terms = payloadTerms(contract, events);
  const names = terms.types.length > 0 ? terms.types : events.map((e) => e.id);
  const scheme = recognisedScheme(events, contract);
  const where = events.map((e) => e.id).join(', ');
  if (!scheme) {
    const security = [...new Set(events.flatMap((e) => e.security.flatMap((s) => Object.keys(s))))];
    return {
      notes: [],
      credentials: {},
      proposals: [
        `TODO webhooks: the contract documents ${events.length} event${events.length === 1 ? '' : 's'} (${where}) but not how they are signed${security.length ? ` (their security: ${security.join(', ')}, which the receiver checks)` : ''}.`,
        'Say how, e.g. (schemes and their keys: docs/decisions/webhook-schemes.md):',
        'webhooks:',
        `  scheme: ${hintedScheme(events)}        # timestamped, body-hmac, fields-hmac, public-key, paypal or rfc9421`,
        '  header: <the signature header>',
        `  secretEnv: ${prefix}_WEBHOOK_SECRET`,
        `  events: [${names.join(', ')}]`,
        ...(terms.idAt ? [`  eventId: ${terms.idAt}`] : []),
        ...(terms.typeAt ? [`  eventType: ${terms.typeAt}`] : []),
      ],
    };
  }
  const secretEnv = `${prefix}_WEBHOOK_SECRET`;
  const spec: WebhooksSpec = { scheme: scheme.scheme, header: scheme.header, secretEnv, events: names, ...(terms.idAt && { eventId: terms.idAt }), ...(terms.typeAt && { eventType: terms.typeAt }) };
  return {
    value: spec,
    credentials: { [secretEnv]: testValue(secretEnv) },
    notes: [note(['webhooks'], `from the contract's events ${where}`), todo(['webhooks', 'scheme'], `confirm: read from the contract's description of ${scheme.header}`, 'after')],
  };
}

/** The scheme a header name suggests, for the proposal only: a person confirms it. */
function hintedScheme(events: ReceivedEvent[]): string {
  const headers = events.flatMap((e) => e.parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()));
  if (headers.some((h) => h.startsWith('paypal-transmission'))) return 'paypal';
  if (headers.includes('signature-input')) return 'rfc9421';
  return '<scheme>';
}
