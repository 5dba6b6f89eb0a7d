import { STATUS_KEY_PATTERN } from './status.ts';

// JSON Schema (draft 2020-12) of the profile's `errors` section, the shape of `ErrorsSpec`. A fragment:
// no `$schema` or `$id`, so the profile schema can embed it as `properties.errors`.

// A JSON Pointer (RFC 6901: '~' only as '~0' or '~1'), or a dotted path that does not start with '/'.
const LOCATION_PATTERN = '^(?:(?:/(?:[^~/]|~[01])*)*|[^/].*)$';

const retry = {
  description: 'Overrides the canonical code\'s retry class. never | safe (same idempotency key) | after (after a delay).',
  enum: ['never', 'safe', 'after'],
} as const;

const location = (what: string) =>
  ({
    description: `Where the partner's ${what} sits in an error body: a JSON Pointer ('/error/code') or a dotted path ('error.code').`,
    type: 'string',
    pattern: LOCATION_PATTERN,
  }) as const;

export const errorsProfileSchema = {
  title: 'errors',
  description: 'Where partner error codes sit, what canonical code each means, and how to provoke each one.',
  type: 'object',
  required: ['code', 'map'],
  additionalProperties: false,
  properties: {
    code: location('error code'),
    message: location('error message'),
    map: {
      description: 'Partner code → canonical code (vocabulary/canonical-codes.yaml).',
      type: 'object',
      propertyNames: { type: 'string', minLength: 1 },
      additionalProperties: {
        type: 'object',
        required: ['canonical'],
        additionalProperties: false,
        properties: {
          canonical: { type: 'string', minLength: 1 },
          retry,
        },
      },
    },
    byStatus: {
      description: "Canonical code by HTTP status ('401') or class ('5xx') for error bodies without a code.",
      type: 'object',
      propertyNames: { type: 'string', pattern: STATUS_KEY_PATTERN },
      additionalProperties: { type: 'string', minLength: 1 },
    },
    minCoverage: {
      description: 'Share of the mapped partner codes the run must exercise (0..1): below it, the coverage check fails naming the codes no request provoked. Without it coverage is reported, never judged.',
      type: 'number',
      minimum: 0,
      maximum: 1,
    },
    triggers: {
      description: 'How to provoke each partner code in the simulator or a sandbox.',
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'operation'],
        additionalProperties: false,
        properties: {
          code: { description: 'A partner code, a key of `map`.', type: 'string', minLength: 1 },
          operation: { description: 'operationId of the operation to call.', type: 'string', minLength: 1 },
          body: {
            description: "A fragment merged over the contract's request example; the simulator answers the code when a request carries it.",
          },
          params: {
            description: 'Path and query parameter values by name.',
            type: 'object',
            additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
          },
          headers: { description: 'Extra request headers.', type: 'object', additionalProperties: { type: 'string' } },
          status: { description: "Expected HTTP status; else the contract's.", type: 'integer', minimum: 400, maximum: 599 },
        },
      },
    },
  },
} as const;
