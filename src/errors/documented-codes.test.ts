import { describe, expect, test } from 'vitest';
import { collectDocumentedCodes } from './documented-codes.ts';

const errorBody = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', enum: ['PIX_KEY_NOT_FOUND', 'INSUFFICIENT_BALANCE'] },
        message: { type: 'string' },
      },
    },
  },
};
const json = (schema: unknown, extra: Record<string, unknown> = {}) => ({ content: { 'application/json': { schema, ...extra } } });

// A dereferenced OpenAPI 3.1 document, each response with a schema of its own.
const doc = {
  openapi: '3.1.0',
  paths: {
    '/payouts': {
      parameters: [],
      post: {
        operationId: 'createPayout',
        responses: {
          '201': json({ type: 'object', properties: { error: { properties: { code: { const: 'NOT_AN_ERROR' } } } } }),
          '422': json(errorBody, {
            examples: {
              keyNotFound: { value: { error: { code: 'PIX_KEY_NOT_FOUND', message: 'no key' } } },
              external: { externalValue: 'https://example.com/e.json' },
            },
          }),
          '429': json(
            {
              allOf: [
                { type: 'object', properties: { error: { type: 'object', properties: { code: { const: 'TOO_MANY' } } } } },
              ],
            },
            { example: { error: { code: 'TOO_MANY' } } },
          ),
          '5XX': json({ oneOf: [{ type: 'string' }, { properties: { error: { properties: { code: { enum: ['PSP_DOWN', 500] } } } } }] }),
        },
      },
    },
    '/payouts/{id}': {
      get: {
        responses: {
          '404': json({
            type: 'object',
            example: { error: { code: 'PAYOUT_NOT_FOUND' } },
            properties: { error: { type: 'object', examples: [{ code: 'UNKNOWN_ID' }] } },
          }),
          default: { description: 'no body' },
        },
      },
    },
  },
};

describe('collectDocumentedCodes', () => {
  test('collects enum, const and example codes of non-2xx responses, with status and place', () => {
    expect(collectDocumentedCodes(doc, '/error/code')).toEqual([
      { code: 'PIX_KEY_NOT_FOUND', status: 422, where: 'createPayout 422 enum' },
      { code: 'INSUFFICIENT_BALANCE', status: 422, where: 'createPayout 422 enum' },
      { code: 'PIX_KEY_NOT_FOUND', status: 422, where: "createPayout 422 example 'keyNotFound'" },
      { code: 'TOO_MANY', status: 429, where: 'createPayout 429 const' },
      { code: 'TOO_MANY', status: 429, where: 'createPayout 429 example' },
      { code: 'PSP_DOWN', where: 'createPayout 5XX enum' },
      { code: '500', where: 'createPayout 5XX enum' },
      { code: 'PAYOUT_NOT_FOUND', status: 404, where: 'GET /payouts/{id} 404 schema example' },
      { code: 'UNKNOWN_ID', status: 404, where: 'GET /payouts/{id} 404 schema example' },
    ]);
  });

  test('accepts a dotted path', () => {
    expect(collectDocumentedCodes(doc, 'error.code')).toEqual(collectDocumentedCodes(doc, '/error/code'));
  });

  test('follows array items and escaped pointer tokens', () => {
    const arrayDoc = {
      paths: {
        '/refunds': {
          post: {
            operationId: 'createRefund',
            responses: {
              '400': json(
                {
                  type: 'object',
                  properties: {
                    'issues/list': { type: 'array', items: { type: 'object', properties: { code: { enum: ['BAD_AMOUNT'] } } } },
                  },
                },
                { example: { 'issues/list': [{ code: 'BAD_CURRENCY' }] } },
              ),
            },
          },
        },
      },
    };
    expect(collectDocumentedCodes(arrayDoc, '/issues~1list/0/code')).toEqual([
      { code: 'BAD_AMOUNT', status: 400, where: 'createRefund 400 enum' },
      { code: 'BAD_CURRENCY', status: 400, where: 'createRefund 400 example' },
    ]);
  });

  test('a schema shared by several statuses documents codes, not their statuses', () => {
    // Bundled, as the contract loader keeps it: internal $refs to components.
    const bundled = {
      paths: {
        '/payouts': { $ref: '#/components/pathItems/payouts' },
      },
      components: {
        pathItems: {
          payouts: {
            post: {
              operationId: 'createPayout',
              responses: {
                '422': { $ref: '#/components/responses/Unprocessable' },
                '503': json({ $ref: '#/components/schemas/Error' }, { examples: { down: { $ref: '#/components/examples/Down' } } }),
              },
            },
          },
        },
        responses: {
          Unprocessable: json({ $ref: '#/components/schemas/Error' }, { example: { error: { code: 'PIX_KEY_NOT_FOUND' } } }),
        },
        examples: { Down: { value: { error: { code: 'PSP_DOWN' } } } },
        schemas: {
          Error: {
            type: 'object',
            properties: { error: { type: 'object', properties: { code: { $ref: '#/components/schemas/Code' } } } },
          },
          Code: { type: 'string', enum: ['PIX_KEY_NOT_FOUND', 'PSP_DOWN'] },
        },
      },
    };
    expect(collectDocumentedCodes(bundled, '/error/code')).toEqual([
      { code: 'PIX_KEY_NOT_FOUND', where: 'createPayout 422 enum' },
      { code: 'PSP_DOWN', where: 'createPayout 422 enum' },
      { code: 'PIX_KEY_NOT_FOUND', status: 422, where: 'createPayout 422 example' },
      { code: 'PIX_KEY_NOT_FOUND', where: 'createPayout 503 enum' },
      { code: 'PSP_DOWN', where: 'createPayout 503 enum' },
      { code: 'PSP_DOWN', status: 503, where: "createPayout 503 example 'down'" },
    ]);
  });

  test('a schema shared by one status in several operations keeps the status', () => {
    const shared = { properties: { code: { enum: ['LIMIT'] } } };
    const sharedDoc = {
      paths: {
        '/a': { post: { operationId: 'a', responses: { '422': json(shared) } } },
        '/b': { post: { operationId: 'b', responses: { '422': json(shared) } } },
      },
    };
    expect(collectDocumentedCodes(sharedDoc, 'code')).toEqual([
      { code: 'LIMIT', status: 422, where: 'a 422 enum' },
      { code: 'LIMIT', status: 422, where: 'b 422 enum' },
    ]);
  });

  test('survives circular schemas', () => {
    const node: Record<string, unknown> = { type: 'object', properties: { code: { enum: ['LOOP'] } } };
    (node.properties as Record<string, unknown>).self = node;
    node.allOf = [node];
    const circular = { paths: { '/x': { post: { operationId: 'x', responses: { '400': json(node) } } } } };
    expect(collectDocumentedCodes(circular, '/self/self/code')).toEqual([{ code: 'LOOP', status: 400, where: 'x 400 enum' }]);
  });

  test('tolerates documents without paths, responses or content', () => {
    expect(collectDocumentedCodes({}, '/code')).toEqual([]);
    expect(collectDocumentedCodes(null, '/code')).toEqual([]);
    expect(collectDocumentedCodes({ paths: { '/a': { get: {} }, '/b': null } }, '/code')).toEqual([]);
  });
});
