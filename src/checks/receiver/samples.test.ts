import { describe, expect, it } from 'vitest';
import { SchemaValidators } from '../../contract/index.ts';
import type { Contract, ReceivedEvent } from '../../contract/index.ts';
import type { Partner } from '../../partner/index.ts';
import { schemaBreakages } from './breakages.ts';
import { eventSamples } from './samples.ts';

// Issue 17: the samples a receiver must accept, and the payloads its schema must make it refuse.

const SCHEMA = '/components/schemas/Event';
const bundled = {
  openapi: '3.1.0',
  components: {
    schemas: {
      Event: {
        type: 'object',
        required: ['type', 'data'],
        properties: { type: { type: 'string' }, note: { type: 'string' }, data: { type: 'object', required: ['amount'], properties: { amount: { type: 'integer' } } } },
      },
    },
  },
};
const validators = new SchemaValidators(bundled, '3.1');

function partnerWith(examples: Record<string, unknown>): { partner: Partner; event: ReceivedEvent } {
  const event = { id: 'e', kind: 'webhook', requestBody: { required: true, content: [{ contentType: 'application/json', schemaPointer: SCHEMA, examples }] } } as unknown as ReceivedEvent;
  return { partner: { validators, contract: { bundled } as unknown as Contract } as Partner, event };
}

describe('eventSamples', () => {
  it('uses every named example its schema accepts, and says which it left out and why', () => {
    const { partner, event } = partnerWith({ paid: { type: 'paid', data: { amount: 5 } }, odd: { type: 'paid', data: { amount: 'five' } } });
    expect(eventSamples(partner, event, 1)).toEqual({
      schema: SCHEMA,
      valid: [{ name: "example 'paid'", payload: { type: 'paid', data: { amount: 5 } } }],
      leftOut: ["example 'odd' breaks its schema (/data/amount must be integer)"],
    });
  });

  it('generates one from the schema with the seed when no example is valid: the same seed, the same payload', () => {
    const { partner, event } = partnerWith({ odd: { type: 1 } });
    const first = eventSamples(partner, event, 42);
    expect(first.valid).toHaveLength(1);
    expect(first.valid[0]!.name).toBe('a payload generated from the schema (seed 42)');
    expect(validators.validate(SCHEMA, first.valid[0]!.payload)).toEqual([]);
    expect(eventSamples(partner, event, 42).valid).toEqual(first.valid);
  });
});

describe('schemaBreakages', () => {
  it('removes the first required field and gives the first field its schema types a value of another type', () => {
    expect(schemaBreakages(validators, SCHEMA, { note: 'n', type: 'paid', data: { amount: 5 } })).toEqual([
      { change: 'required field /type removed', payload: { note: 'n', data: { amount: 5 } } },
      { change: '/note is a number instead of a string', payload: { note: 12345, type: 'paid', data: { amount: 5 } } },
    ]);
  });

  it('looks one level down when the top level has nothing to break, and gives up when the schema accepts anything', () => {
    const loose = new SchemaValidators({ components: { schemas: { Any: {}, Inner: { type: 'object', properties: { data: { type: 'object', required: ['amount'], properties: { amount: { type: 'integer' } } } } } } } }, '3.1');
    expect(schemaBreakages(loose, '/components/schemas/Inner', { data: { amount: 5 } }).map((b) => b.change)).toEqual(['required field /data/amount removed', '/data is a string instead of an object']);
    expect(schemaBreakages(loose, '/components/schemas/Any', { data: { amount: 5 } })).toEqual([]);
  });
});
