import { describe, expect, test } from 'vitest';
import schema from '../../schemas/canonical-codes.schema.json' with { type: 'json' };
import { InputError, parseLocatedYaml } from '../source/index.ts';
import { createVocabulary, parseVocabulary } from './vocabulary.ts';
import type { CanonicalCode, ErrorCategory, RetryClass } from './types.ts';

const ac01: CanonicalCode = {
  code: 'AC01',
  title: 'IncorrectAccountNumber',
  description: 'The account number is invalid or missing.',
  category: 'account',
  retry: 'never',
  source: 'iso20022',
};
const timeout: CanonicalCode = {
  code: 'TIMEOUT',
  title: 'Timeout',
  description: 'No response within the deadline.',
  category: 'technical',
  retry: 'safe',
  source: 'transport',
};
const file = (...codes: unknown[]) => ({ version: 1, codes });

/** The problems parseVocabulary throws for `data`, as `path: message`. */
function problems(data: unknown): string[] {
  try {
    parseVocabulary(data);
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseVocabulary', () => {
  test('builds a Vocabulary from valid data', () => {
    const vocabulary = parseVocabulary(file(ac01, timeout));
    expect([...vocabulary.codes.keys()]).toEqual(['AC01', 'TIMEOUT']);
    expect(vocabulary.get('TIMEOUT')).toEqual(timeout);
    expect(vocabulary.has('AC01')).toBe(true);
    expect(vocabulary.has('AC99')).toBe(false);
    expect(vocabulary.get('AC99')).toBeUndefined();
  });

  test('rejects data that fails schema validation, with every problem', () => {
    expect(problems(file({ ...ac01, retry: 'Safe', titel: 'x' }, { ...timeout, category: 'network' }))).toEqual([
      "codes[0].titel: unknown key (did you mean 'title'?)",
      'codes[0].retry: must be one of: never, safe, after',
      'codes[1].category: must be one of: account, amount, auth, cancellation, compliance, creditor, debtor, duplicate, format, resource, technical, timing, other',
    ]);
  });

  test.each([
    ['an ISO code that is not four characters', { ...ac01, code: 'AC001' }, 'codes[0].code: must match pattern "^[A-Z0-9]{4}$"'],
    ['a transport code not in UPPER_SNAKE_CASE', { ...timeout, code: 'timeOut' }, 'codes[0].code: must match pattern "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$"'],
    ['a missing field', { ...ac01, title: undefined }, "codes[0]: missing required key 'title'"],
    ['an unknown source', { ...ac01, source: 'swift' }, 'codes[0].source: must be one of: iso20022, transport'],
    ['an empty description', { ...ac01, description: '' }, 'codes[0].description: must NOT have fewer than 1 characters'],
  ])('rejects %s', (_, entry, problem) => {
    expect(problems(file(JSON.parse(JSON.stringify(entry))))).toEqual([problem]);
  });

  test('rejects a wrong version and an empty list', () => {
    expect(problems({ version: 2, codes: [] })).toEqual([
      'version: must be equal to constant',
      'codes: must NOT have fewer than 1 items',
    ]);
  });

  test('rejects duplicate codes, naming the first', () => {
    expect(problems(file(ac01, timeout, ac01))).toEqual(["codes[2].code: duplicate code 'AC01' (first at codes[0])"]);
  });

  test('places problems at their line when given the located document', () => {
    const doc = parseLocatedYaml(
      'v.yaml',
      ['version: 1', 'codes:', '  - code: AC01', '    title: t', '    description: d', '    category: account', '    retry: maybe', '    source: iso20022'].join('\n'),
    );
    expect(() => parseVocabulary(doc.data, doc)).toThrow('v.yaml:7:12  codes[0].retry: must be one of: never, safe, after');
  });

  test('without a document, problems sit at 1:1 of "vocabulary"', () => {
    expect(() => parseVocabulary(file({ ...ac01, retry: 'maybe' }))).toThrow(
      'vocabulary:1:1  codes[0].retry: must be one of: never, safe, after',
    );
  });
});

test('createVocabulary indexes codes without validating', () => {
  expect(createVocabulary([timeout]).get('TIMEOUT')?.retry).toBe('safe');
});

// The TS unions are written by hand: these tables stop compiling if a value leaves its union, and the
// assertions fail if the schema gains or loses one.
test('the schema enums and the TS types agree', () => {
  const categories: Record<ErrorCategory, true> = {
    account: true, amount: true, auth: true, cancellation: true, compliance: true, creditor: true, debtor: true,
    duplicate: true, format: true, resource: true, technical: true, timing: true, other: true,
  };
  const retries: Record<RetryClass, true> = { never: true, safe: true, after: true };
  expect(schema.$defs.category.enum).toEqual(Object.keys(categories));
  expect(schema.$defs.retry.enum).toEqual(Object.keys(retries));
  expect(schema.$defs.canonicalCode.properties.source.enum).toEqual(['iso20022', 'transport']);
});
