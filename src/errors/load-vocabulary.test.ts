import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DEFAULT_VOCABULARY_PATH, loadVocabulary } from './load-vocabulary.ts';
import { InputError } from '../source/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'railgate-vocabulary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const failure = async (path: string): Promise<InputError> => {
  const error: unknown = await loadVocabulary(path).then(
    () => new Error('expected an InputError'),
    (rejection: unknown) => rejection,
  );
  if (error instanceof InputError) return error;
  throw error;
};

const vocabulary = await loadVocabulary();

describe('the shipped vocabulary', () => {
  test('loads cleanly, once', async () => {
    expect(vocabulary.codes.size).toBeGreaterThan(40);
    expect(await loadVocabulary()).toBe(vocabulary);
  });

  test('points editors at its schema on the first line', () => {
    const firstLine = readFileSync(DEFAULT_VOCABULARY_PATH, 'utf8').split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=../schemas/canonical-codes.schema.json');
  });

  // ISO 20022 codes the profiles of our rails use; each must exist, with its category and retry class.
  test.each([
    ['AC01', 'account', 'never'], ['AC02', 'account', 'never'], ['AC03', 'account', 'never'],
    ['AC04', 'account', 'never'], ['AC06', 'account', 'never'], ['AC13', 'account', 'never'],
    ['AG01', 'account', 'never'], ['AG02', 'format', 'never'], ['AM01', 'amount', 'never'],
    ['AM02', 'amount', 'never'], ['AM03', 'amount', 'never'], ['AM04', 'amount', 'never'],
    ['AM05', 'duplicate', 'never'], ['AM09', 'amount', 'never'], ['AM14', 'amount', 'never'],
    ['BE01', 'account', 'never'], ['BE04', 'creditor', 'never'], ['BE05', 'creditor', 'never'],
    ['BE16', 'debtor', 'never'], ['CUST', 'cancellation', 'never'], ['DS02', 'cancellation', 'never'],
    ['DT01', 'timing', 'never'], ['DUPL', 'duplicate', 'never'], ['FF01', 'format', 'never'],
    ['FOCR', 'cancellation', 'never'], ['MD07', 'account', 'never'], ['MS02', 'other', 'never'],
    ['MS03', 'other', 'never'], ['NARR', 'other', 'never'], ['RC01', 'format', 'never'],
    ['RR01', 'compliance', 'never'], ['RR02', 'compliance', 'never'], ['RR03', 'compliance', 'never'],
    ['RR04', 'compliance', 'never'], ['SL01', 'other', 'never'], ['TM01', 'timing', 'never'],
  ])('ISO 20022 %s: %s, retry %s', (code, category, retry) => {
    expect(vocabulary.get(code)).toMatchObject({ code, category, retry, source: 'iso20022' });
  });

  test.each([
    ['AUTHENTICATION_FAILED', 'never'], ['FORBIDDEN', 'never'], ['VALIDATION_FAILED', 'never'],
    ['NOT_FOUND', 'never'], ['CONFLICT', 'never'], ['IDEMPOTENCY_CONFLICT', 'never'],
    ['IN_FLIGHT', 'after'], ['RATE_LIMITED', 'after'], ['PARTNER_UNAVAILABLE', 'safe'],
    ['TIMEOUT', 'safe'], ['NETWORK_ERROR', 'safe'],
  ])('transport %s: retry %s', (code, retry) => {
    expect(vocabulary.get(code)).toMatchObject({ code, retry, source: 'transport' });
  });

  test('AM05 and DUPL are told apart', () => {
    expect(vocabulary.get('AM05')?.description).toMatch(/Not DUPL/);
    expect(vocabulary.get('DUPL')?.description).toMatch(/Compare\s+AM05/);
  });
});

describe('loadVocabulary(path)', () => {
  test('reports schema violations at file:line:col', async () => {
    const path = write(
      'bad.yaml',
      [
        'version: 1',
        'codes:',
        '  - code: AC01',
        '    title: IncorrectAccountNumber',
        '    description: The account number is invalid or missing.',
        '    category: account',
        '    retry: sometimes',
        '    source: iso20022',
        '    color: red',
        '',
      ].join('\n'),
    );
    const error = await failure(path);
    expect(error.problems).toEqual([
      { file: path, line: 9, col: 5, path: 'codes[0].color', message: 'unknown key' },
      { file: path, line: 7, col: 12, path: 'codes[0].retry', message: 'must be one of: never, safe, after' },
    ]);
    expect(error.message).toContain(`${path}:7:12  codes[0].retry: must be one of: never, safe, after`);
  });

  test('a missing key points at its entry', async () => {
    const path = write('missing.yaml', 'version: 1\ncodes:\n  - code: AC01\n    title: t\n');
    expect((await failure(path)).problems.map(({ line, col, message }) => `${line}:${col} ${message}`)).toEqual([
      "3:5 missing required key 'description'",
      "3:5 missing required key 'category'",
      "3:5 missing required key 'retry'",
      "3:5 missing required key 'source'",
    ]);
  });

  test('a duplicate code points at the second one', async () => {
    const entry = (code: string) =>
      [`  - code: ${code}`, '    title: t', '    description: d', '    category: other', '    retry: never', '    source: iso20022'];
    const path = write('dup.yaml', ['version: 1', 'codes:', ...entry('NARR'), ...entry('NARR')].join('\n'));
    expect((await failure(path)).message).toBe(`${path}:9:11  codes[1].code: duplicate code 'NARR' (first at codes[0])`);
  });

  // The line is src/source's business (parseLocatedYaml); this only checks the error surfaces as input.
  test('reports YAML syntax errors as input problems', async () => {
    const path = write('syntax.yaml', 'version: 1\ncodes: [\n');
    const [problem] = (await failure(path)).problems;
    expect(problem).toMatchObject({ file: path, message: expect.stringMatching(/Flow sequence/) });
  });

  test('reports a file that cannot be read', async () => {
    const path = join(dir, 'absent.yaml');
    expect((await failure(path)).message).toBe(`${path}:1:1  file not found`);
  });

  test('reads a valid file that is not the shipped one, without caching it', async () => {
    const path = write('copy.yaml', readFileSync(DEFAULT_VOCABULARY_PATH, 'utf8'));
    const copy = await loadVocabulary(path);
    expect(copy.codes.size).toBe((await loadVocabulary()).codes.size);
    expect(await loadVocabulary(path)).not.toBe(copy);
  });
});
