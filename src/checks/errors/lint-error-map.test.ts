import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../../errors/index.ts';
import { formatInputProblem, parseLocatedYaml } from '../../source/index.ts';
import type { ErrorsSpec } from '../../errors/index.ts';
import { lintErrorMap } from './lint-error-map.ts';

const vocabulary = await loadVocabulary();

// A contract that documents two codes, as an enum on the 422 error schema.
const bundled = {
  openapi: '3.1.0',
  paths: {
    '/payouts': {
      post: {
        operationId: 'createPayout',
        responses: {
          '422': {
            content: {
              'application/json': {
                schema: { type: 'object', properties: { error: { type: 'object', properties: { code: { enum: ['PIX_KEY_NOT_FOUND', 'NO_FUNDS'] } } } } },
              },
            },
          },
        },
      },
    },
  },
};

function source(text: string) {
  const profileDoc = parseLocatedYaml('partners/acme.yaml', text);
  const { errors } = profileDoc.data as { errors: ErrorsSpec };
  return { profile: { errors }, profileDoc, contract: { bundled } };
}

describe('lintErrorMap', () => {
  it('places each finding at its line in the profile', () => {
    const findings = lintErrorMap(
      source(`id: acme
errors:
  code: /error/code
  map:
    PIX_KEY_NOT_FOUND: { canonical: AC99 }
`),
      vocabulary,
    );
    expect(findings.map((f) => `${formatInputProblem(f.problem)} (${f.level})`)).toEqual([
      "partners/acme.yaml:5:37  errors.map.PIX_KEY_NOT_FOUND.canonical: 'PIX_KEY_NOT_FOUND' maps to 'AC99', which is not a canonical code (did you mean 'AC01'?) (error)",
      "partners/acme.yaml:5:5  errors.map: partner code 'NO_FUNDS' is documented by the contract (createPayout 422 enum) but has no entry in errors.map (error)",
    ]);
  });

  it('finds nothing in a complete map, and nothing without an errors section', () => {
    const clean = `errors:\n  code: /error/code\n  map:\n    PIX_KEY_NOT_FOUND: { canonical: AC03 }\n    NO_FUNDS: { canonical: AM04 }\n`;
    expect(lintErrorMap(source(clean), vocabulary)).toEqual([]);
    expect(lintErrorMap({ ...source(clean), profile: {} }, vocabulary)).toEqual([]);
  });
});
