import { describe, expect, it } from 'vitest';
import { SchemaValidators } from './schema-validators.ts';

// Adyen's accountIdentification, in small: branches told apart by a fixed `type`, each closed.
const doc = {
  openapi: '3.1.0',
  components: {
    schemas: {
      Account: { type: 'object', properties: { id: { oneOf: [{ $ref: '#/components/schemas/US' }, { $ref: '#/components/schemas/AU' }, { $ref: '#/components/schemas/Iban' }] } } },
      US: { type: 'object', additionalProperties: false, required: ['type', 'accountNumber', 'routingNumber'], properties: { type: { enum: ['usLocal'] }, accountNumber: { type: 'string' }, routingNumber: { type: 'string' } } },
      AU: { type: 'object', additionalProperties: false, required: ['type', 'accountNumber', 'bsbCode'], properties: { type: { enum: ['auLocal'] }, accountNumber: { type: 'string' }, bsbCode: { type: 'string' } } },
      Iban: { type: 'object', additionalProperties: false, required: ['type', 'iban'], properties: { type: { const: 'iban' }, iban: { type: 'string' } } },
      Inline: { type: 'object', properties: { id: { oneOf: [{ type: 'string' }, { type: 'integer' }] } } },
    },
  },
};
const v = new SchemaValidators(doc, '3.1');

describe('a failed oneOf of $ref branches', () => {
  it("is told by the branch the value meant: a US account's routing number written as a number is one line, not one per country", () => {
    expect(v.validate('/components/schemas/Account', { id: { type: 'usLocal', accountNumber: '123', routingNumber: 11000138 } })).toEqual([{ at: '/id/routingNumber', message: 'must be string' }]);
  });

  it('names the fewest-wrong branch when no fixed value tells them apart', () => {
    expect(v.validate('/components/schemas/Account', { id: { type: 'iban' } })).toEqual([{ at: '/id', message: "must have required property 'iban'" }]);
  });

  it('leaves a union as ajv said it when several branches match, or a branch is inline', () => {
    const both = new SchemaValidators({ openapi: '3.1.0', components: { schemas: { Either: { oneOf: [{ $ref: '#/components/schemas/Any' }, { $ref: '#/components/schemas/Any' }] }, Any: { type: 'object' } } } }, '3.1');
    expect(both.validate('/components/schemas/Either', {})).toEqual([{ at: '/', message: 'must match exactly one schema in oneOf' }]);
    expect(v.validate('/components/schemas/Inline', { id: true }).map((i) => i.message)).toEqual(['must be string', 'must be integer', 'must match exactly one schema in oneOf']);
  });
});
