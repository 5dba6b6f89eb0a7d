import { deref } from '../contract/index.ts';
import type { Contract } from '../contract/index.ts';
import { escapePointer, getPointer } from '../json/index.ts';
import { webhookPayloadSchemas } from './payload-schemas.ts';

/** Where a partner's events say when they happened, and who said so (for the report). */
export interface EventTime {
  /** JSON Pointer into the event payload; undefined: events are taken in arrival order. */
  pointer?: string;
  source: 'profile' | 'contract' | 'none';
}

/**
 * Names partners give an event's own time, in order of preference, compared without case, `_` or `-`
 * (createdAt and created_at are one name).
 */
const TIME_NAMES = ['createdat', 'created', 'timestamp', 'occurredat', 'eventtime'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const normalized = (name: string): string => name.toLowerCase().replace(/[_-]/g, '');

/** What each contract's payload schemas show, found once: checks and the simulator ask for every event. */
const detected = new WeakMap<Contract, { pointer?: string }>();

/** The profile's `webhooks.eventTime` when it has one, else what the contract's payload schemas show (pure; detection is done once per contract). */
export function resolveEventTime(webhooks: { eventTime?: string } | undefined, contract: Contract): EventTime {
  if (webhooks?.eventTime !== undefined) return { pointer: webhooks.eventTime, source: 'profile' };
  let found = detected.get(contract);
  if (!found) {
    const pointer = detectEventTime(contract);
    found = pointer === undefined ? {} : { pointer };
    detected.set(contract, found);
  }
  return found.pointer === undefined ? { source: 'none' } : { pointer: found.pointer, source: 'contract' };
}

/**
 * Where the contract's webhook payloads carry the event's own time (pure): a date-time property named like
 * createdAt, created_at, created, timestamp, occurred_at or event_time at the top level of a payload schema,
 * else one level down (an envelope's `event.created_at`). The top level wins: one level down usually sits
 * the resource, whose `createdAt` is when the transaction began, not when the event happened.
 */
export function detectEventTime(contract: Contract): string | undefined {
  const doc = contract.bundled;
  const payloads = webhookPayloadSchemas(contract).map((s) => getPointer(doc, s.pointer));
  for (const schema of payloads) {
    const name = timeProperty(doc, schema);
    if (name !== undefined) return `/${escapePointer(name)}`;
  }
  for (const schema of payloads) {
    for (const [outer, inner] of propertiesOf(doc, schema)) {
      const name = timeProperty(doc, inner);
      if (name !== undefined) return `/${escapePointer(outer)}/${escapePointer(name)}`;
    }
  }
  return undefined;
}

/** The best-named date-time property of an object schema, if any. */
function timeProperty(doc: Obj, schema: unknown): string | undefined {
  const dated = propertiesOf(doc, schema).filter(([, s]) => isDateTime(doc, s));
  for (const wanted of TIME_NAMES) {
    const hit = dated.find(([name]) => normalized(name) === wanted);
    if (hit) return hit[0];
  }
  return undefined;
}

/** An object schema's properties, `$ref`s followed and `allOf` members merged (an envelope extended by a base). */
function propertiesOf(doc: Obj, schema: unknown): Array<[string, unknown]> {
  const node = deref(doc, schema, '').node;
  if (!isObj(node)) return [];
  const own = isObj(node.properties) ? Object.entries(node.properties) : [];
  const inherited = Array.isArray(node.allOf) ? node.allOf.flatMap((member) => propertiesOf(doc, member)) : [];
  return [...own, ...inherited];
}

function isDateTime(doc: Obj, schema: unknown): boolean {
  const node = deref(doc, schema, '').node;
  if (!isObj(node) || node.format !== 'date-time') return false;
  // OpenAPI 3.1 writes a nullable one as type: [string, 'null'].
  return node.type === undefined || node.type === 'string' || (Array.isArray(node.type) && node.type.includes('string'));
}
