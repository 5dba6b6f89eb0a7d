import { expect, test } from 'vitest';
import * as errors from './index.ts';

// The public surface other modules build on: a re-export lost in a refactor fails here, not downstream.
test('index exports the module\'s API', () => {
  expect(Object.keys(errors).sort()).toEqual([
    'DEFAULT_VOCABULARY_PATH',
    'UNMAPPED',
    'checkErrorMap',
    'collectDocumentedCodes',
    'createVocabulary',
    'errorCoverage',
    'errorMapRules',
    'errorsProfileSchema',
    'extractPartnerCode',
    'loadVocabulary',
    'mapError',
    'parseVocabulary',
  ]);
});
