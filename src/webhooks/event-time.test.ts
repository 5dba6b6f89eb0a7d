import { describe, expect, it } from 'vitest';
import type { Contract } from '../contract/index.ts';
import { loadExamplePartner } from '../../test/helpers/workspace.ts';
import { detectEventTime, resolveEventTime } from './event-time.ts';

// Contracts reduced to what detection reads: the bundled document's webhook payload schemas.
const payload = (schema: unknown, components: Record<string, unknown> = {}): Contract =>
  ({
    bundled: {
      openapi: '3.1.0',
      webhooks: { statusChanged: { post: { requestBody: { content: { 'application/json': { schema } } } } } },
      components: { schemas: components },
    },
  }) as unknown as Contract;

const dateTime = { type: 'string', format: 'date-time' };
const resource = { type: 'object', properties: { id: { type: 'string' }, createdAt: dateTime } };

describe('detectEventTime', () => {
  it('finds createdAt and created_at alike, at the top level', () => {
    expect(detectEventTime(payload({ type: 'object', properties: { id: { type: 'string' }, createdAt: dateTime } }))).toBe('/createdAt');
    expect(detectEventTime(payload({ type: 'object', properties: { id: { type: 'string' }, created_at: dateTime } }))).toBe('/created_at');
  });

  it("prefers the envelope's time to the resource's one level down, whose createdAt is when the transaction began", () => {
    expect(detectEventTime(payload({ type: 'object', properties: { data: { $ref: '#/components/schemas/Payout' }, occurred_at: dateTime } }, { Payout: resource }))).toBe('/occurred_at');
  });

  it('looks one level down, through $ref and allOf, when the top level has none', () => {
    const envelope = { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { payload: { type: 'object' } } }] };
    const base = { type: 'object', properties: { event: { type: 'object', properties: { event_time: dateTime } } } };
    expect(detectEventTime(payload(envelope, { Base: base }))).toBe('/event/event_time');
  });

  it('takes only date-times, and the best-named of several', () => {
    expect(detectEventTime(payload({ type: 'object', properties: { created: { type: 'integer' }, timestamp: dateTime, createdAt: { type: ['string', 'null'], format: 'date-time' } } }))).toBe('/createdAt');
  });

  it('finds none when no payload dates its event: arrival order then', () => {
    const contract = payload({ type: 'object', properties: { id: { type: 'string' }, updatedAt: dateTime, created: { type: 'string' } } });
    expect(detectEventTime(contract)).toBeUndefined();
    expect(resolveEventTime(undefined, contract)).toEqual({ source: 'none' });
  });

  it("finds the example partners' /createdAt in their contracts", async () => {
    const pixpay = await loadExamplePartner('pixpay');
    expect(resolveEventTime(pixpay.profile.webhooks, pixpay.contract)).toEqual({ pointer: '/createdAt', source: 'contract' });
  });
});

describe('resolveEventTime', () => {
  it("takes the profile's webhooks.eventTime over the contract's", () => {
    const contract = payload({ type: 'object', properties: { createdAt: dateTime } });
    expect(resolveEventTime({ eventTime: '/meta/created_at' }, contract)).toEqual({ pointer: '/meta/created_at', source: 'profile' });
    expect(resolveEventTime({}, contract)).toEqual({ pointer: '/createdAt', source: 'contract' });
  });
});
