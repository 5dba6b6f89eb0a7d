import { describe, expect, test } from 'vitest';
import { checkErrorMap } from './check-error-map.ts';
import { loadVocabulary } from './load-vocabulary.ts';
import type { DocumentedCode, ErrorsSpec } from './types.ts';

const vocabulary = await loadVocabulary();
const clean: ErrorsSpec = {
  code: '/error/code',
  map: {
    PIX_KEY_NOT_FOUND: { canonical: 'AC01' },
    PSP_DOWN: { canonical: 'PARTNER_UNAVAILABLE' },
    TOO_FAST: { canonical: 'RATE_LIMITED' },
  },
  byStatus: { '401': 'AUTHENTICATION_FAILED', '429': 'RATE_LIMITED', '5xx': 'PARTNER_UNAVAILABLE' },
  triggers: [{ code: 'PIX_KEY_NOT_FOUND', operation: 'createPayout', body: { creditor: { pixKey: 'notfound@pixpay.example' } } }],
};
const documented: DocumentedCode[] = [
  { code: 'PIX_KEY_NOT_FOUND', status: 422, where: "createPayout 422 example 'keyNotFound'" },
  { code: 'PSP_DOWN', status: 503, where: 'createPayout 503 enum' },
  { code: 'TOO_FAST', status: 429, where: 'createPayout 429 enum' },
];
const withMap = (map: ErrorsSpec['map']): ErrorsSpec => ({ ...clean, map: { ...clean.map, ...map } });

describe('checkErrorMap', () => {
  test('a consistent errors section has no findings', () => {
    expect(checkErrorMap(clean, vocabulary, documented)).toEqual([]);
  });

  describe('unknown-canonical', () => {
    test('flags a map target outside the vocabulary, with a suggestion', () => {
      expect(checkErrorMap(withMap({ NO_FUNDS: { canonical: 'AM4' } }), vocabulary, documented)).toEqual([
        {
          rule: 'unknown-canonical',
          level: 'error',
          code: 'NO_FUNDS',
          path: ['map', 'NO_FUNDS', 'canonical'],
          message: "'NO_FUNDS' maps to 'AM4', which is not a canonical code (did you mean 'AM04'?)",
        },
      ]);
    });

    test('flags a byStatus target outside the vocabulary', () => {
      const spec = { ...clean, byStatus: { '504': 'GATEWAY_TIMEOUT' } };
      expect(checkErrorMap(spec, vocabulary, documented)).toEqual([
        {
          rule: 'unknown-canonical',
          level: 'error',
          path: ['byStatus', '504'],
          message: "status '504' maps to 'GATEWAY_TIMEOUT', which is not a canonical code",
        },
      ]);
    });
  });

  describe('unmapped-code', () => {
    test('flags each documented code missing from the map once, with where it is documented', () => {
      const more: DocumentedCode[] = [
        ...documented,
        { code: 'ACCOUNT_CLOSED', status: 422, where: 'createPayout 422 enum' },
        { code: 'ACCOUNT_CLOSED', status: 422, where: "createRefund 422 example 'closed'" },
        { code: 'toString', where: 'getPayout default enum' },
      ];
      expect(checkErrorMap(clean, vocabulary, more)).toEqual([
        {
          rule: 'unmapped-code',
          level: 'error',
          code: 'ACCOUNT_CLOSED',
          path: ['map'],
          message:
            "partner code 'ACCOUNT_CLOSED' is documented by the contract (createPayout 422 enum; createRefund 422 example 'closed') but has no entry in errors.map",
        },
        {
          rule: 'unmapped-code',
          level: 'error',
          code: 'toString',
          path: ['map'],
          message: "partner code 'toString' is documented by the contract (getPayout default enum) but has no entry in errors.map",
        },
      ]);
    });

    test('shortens long lists of places', () => {
      const many = ['a', 'b', 'c', 'd', 'e'].map((op) => ({ code: 'X', status: 400, where: `${op} 400 enum` }));
      expect(checkErrorMap(clean, vocabulary, many)[0]?.message).toBe(
        "partner code 'X' is documented by the contract (a 400 enum; b 400 enum; c 400 enum; and 2 more) but has no entry in errors.map",
      );
    });
  });

  describe('retry-status-disagreement', () => {
    test('a code documented with a final 4xx must not be retried (the vocabulary\'s class)', () => {
      const spec = withMap({ KEY_LOCKED: { canonical: 'PARTNER_UNAVAILABLE' } });
      const docs = [...documented, { code: 'KEY_LOCKED', status: 422, where: 'createPayout 422 enum' }];
      expect(checkErrorMap(spec, vocabulary, docs)).toEqual([
        {
          rule: 'retry-status-disagreement',
          level: 'error',
          code: 'KEY_LOCKED',
          path: ['map', 'KEY_LOCKED', 'canonical'],
          message:
            "'KEY_LOCKED' is documented with 422 but retried 'safe' (the retry class of PARTNER_UNAVAILABLE): a 4xx other than 408, 409, 425 or 429 fails again on retry; use retry: never",
        },
      ]);
    });

    test('an override pointing the wrong way is reported at its retry key', () => {
      const spec = withMap({ PIX_KEY_NOT_FOUND: { canonical: 'AC01', retry: 'after' } });
      expect(checkErrorMap(spec, vocabulary, documented)).toEqual([
        expect.objectContaining({
          rule: 'retry-status-disagreement',
          level: 'error',
          path: ['map', 'PIX_KEY_NOT_FOUND', 'retry'],
          message:
            "'PIX_KEY_NOT_FOUND' is documented with 422 but retried 'after': a 4xx other than 408, 409, 425 or 429 fails again on retry; use retry: never",
        }),
      ]);
    });

    test.each([408, 409, 425, 429])('%i may be retried', (status) => {
      const docs = [{ code: 'TOO_FAST', status, where: `op ${status} enum` }];
      expect(checkErrorMap(clean, vocabulary, docs).filter((f) => f.rule === 'retry-status-disagreement')).toEqual([]);
    });

    test('a code documented only with 5xx and never retried is a warning', () => {
      const spec = withMap({ PSP_DOWN: { canonical: 'PARTNER_UNAVAILABLE', retry: 'never' } });
      const docs = [...documented, { code: 'PSP_DOWN', status: 500, where: 'createPayout 500 enum' }];
      expect(checkErrorMap(spec, vocabulary, docs)).toEqual([
        {
          rule: 'retry-status-disagreement',
          level: 'warning',
          code: 'PSP_DOWN',
          path: ['map', 'PSP_DOWN', 'retry'],
          message:
            "'PSP_DOWN' is documented only with 500, 503 but never retried: a 5xx is usually transient; retry 'safe' (same idempotency key) unless the partner says otherwise",
        },
      ]);
    });

    test('a never-retried code documented with 5xx and 4xx is fine', () => {
      const spec = withMap({ MIXED: { canonical: 'AC04' } });
      const docs = [
        { code: 'MIXED', status: 500, where: 'op 500 enum' },
        { code: 'MIXED', status: 400, where: 'op 400 enum' },
        { code: 'MIXED', where: 'op 4XX enum' },
      ];
      expect(checkErrorMap(spec, vocabulary, docs)).toEqual([]);
    });

    test('byStatus rules are held to the same standard', () => {
      const spec = { ...clean, byStatus: { '4xx': 'RATE_LIMITED', '400': 'TIMEOUT', '429': 'RATE_LIMITED', '5xx': 'AC01' } };
      expect(checkErrorMap(spec, vocabulary, documented)).toEqual([
        {
          rule: 'retry-status-disagreement',
          level: 'error',
          path: ['byStatus', '400'],
          message:
            "status '400' maps to TIMEOUT, retried 'safe': a 4xx other than 408, 409, 425 or 429 fails again on retry; use retry: never",
        },
        {
          rule: 'retry-status-disagreement',
          level: 'error',
          path: ['byStatus', '4xx'],
          message:
            "status '4xx' maps to RATE_LIMITED, retried 'after': a 4xx other than 408, 409, 425 or 429 fails again on retry; use retry: never",
        },
        {
          rule: 'retry-status-disagreement',
          level: 'warning',
          path: ['byStatus', '5xx'],
          message:
            "status '5xx' maps to AC01, retried 'never': a 5xx is usually transient; retry 'safe' (same idempotency key) unless the partner says otherwise",
        },
      ]);
    });

    test('an unknown canonical is left to unknown-canonical', () => {
      const spec = withMap({ ODD: { canonical: 'NOPE' } });
      const docs = [{ code: 'ODD', status: 400, where: 'op 400 enum' }];
      expect(checkErrorMap(spec, vocabulary, docs).map((f) => f.rule)).toEqual(['unknown-canonical']);
    });
  });

  describe('trigger-unknown-code', () => {
    test('flags a trigger for a code the map lacks, with a suggestion', () => {
      const spec = {
        ...clean,
        triggers: [...(clean.triggers ?? []), { code: 'PIX_KEY_NOTFOUND', operation: 'createPayout' }],
      };
      expect(checkErrorMap(spec, vocabulary, documented)).toEqual([
        {
          rule: 'trigger-unknown-code',
          level: 'error',
          code: 'PIX_KEY_NOTFOUND',
          path: ['triggers', 1, 'code'],
          message:
            "trigger 1 (createPayout) provokes 'PIX_KEY_NOTFOUND', which errors.map does not map (did you mean 'PIX_KEY_NOT_FOUND'?)",
        },
      ]);
    });
  });

  test('reports findings in rule order', () => {
    const spec: ErrorsSpec = {
      code: '/error/code',
      map: { A: { canonical: 'NOPE' }, B: { canonical: 'AC01', retry: 'safe' } },
      triggers: [{ code: 'C', operation: 'op' }],
    };
    const docs = [
      { code: 'B', status: 400, where: 'op 400 enum' },
      { code: 'D', status: 400, where: 'op 400 enum' },
    ];
    expect(checkErrorMap(spec, vocabulary, docs).map((f) => `${f.rule} ${f.path.join('.')}`)).toEqual([
      'unknown-canonical map.A.canonical',
      'unmapped-code map',
      'retry-status-disagreement map.B.retry',
      'trigger-unknown-code triggers.0.code',
    ]);
  });
});
