import { describe, expect, it } from 'vitest';
import { schemaDeclares } from './schema-at.ts';

const doc = {
  components: {
    schemas: {
      Endpoint: { type: 'object', properties: { url: { type: 'string' }, events: { type: 'array', items: { $ref: '#/components/schemas/Event' } } } },
      Event: { type: 'object', properties: { type: { type: 'string' } } },
      Request: {
        allOf: [{ $ref: '#/components/schemas/Endpoint' }, { type: 'object', properties: { meta: { type: 'object', additionalProperties: { type: 'string' } } } }],
      },
      Tuple: { type: 'array', prefixItems: [{ type: 'object', properties: { first: { type: 'string' } } }] },
      Tree: { type: 'object', properties: { child: { $ref: '#/components/schemas/Tree' }, name: { type: 'string' } } },
      Closed: { type: 'object', properties: { url: { type: 'string' } }, additionalProperties: false },
    },
  },
};

describe('schemaDeclares', () => {
  it.each([
    ['/components/schemas/Request', '/url', true],
    ['/components/schemas/Request', '/events/0/type', true],
    ['/components/schemas/Request', '/meta/anything', true],
    ['/components/schemas/Tuple', '/0/first', true],
    ['/components/schemas/Tree', '/child/child/name', true],
    ['/components/schemas/Request', '', true],
    ['/components/schemas/Request', '/uri', false],
    ['/components/schemas/Request', '/events/first', false],
    ['/components/schemas/Closed', '/endpoint/url', false],
    ['/components/schemas/Tree', '/child/child/nope', false],
    ['/components/schemas/Missing', '/url', false],
  ])('%s %s: %s', (schema, pointer, declared) => {
    expect(schemaDeclares(doc, schema, pointer)).toBe(declared);
  });
});
