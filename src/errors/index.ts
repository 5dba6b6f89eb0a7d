// The errors module: the canonical error vocabulary, the mapping of partner errors onto it, and the
// static and coverage checks of check family 4 ('errors').

// Vocabulary
export { loadVocabulary, DEFAULT_VOCABULARY_PATH } from './load-vocabulary.ts';
export { parseVocabulary, createVocabulary } from './vocabulary.ts';

// Mapping partner errors
export { extractPartnerCode } from './extract.ts';
export { mapError, UNMAPPED } from './map-error.ts';

// Profile section
export { errorsProfileSchema } from './profile-schema.ts';

// Static checks and coverage
export { checkErrorMap } from './check-error-map.ts';
export { errorMapRules } from './rules/index.ts';
export { collectDocumentedCodes } from './documented-codes.ts';
export { errorCoverage } from './coverage.ts';

export type {
  CanonicalCode,
  CodeLocation,
  CodeSource,
  CoverageRow,
  DocumentedCode,
  ErrorCategory,
  ErrorCoverage,
  ErrorMapEntry,
  ErrorMapRule,
  ErrorObservation,
  ErrorsSpec,
  ErrorTrigger,
  Finding,
  FindingLevel,
  MappedBy,
  MappedError,
  RetryClass,
  UnmappedObservation,
  Vocabulary,
} from './types.ts';
export type { VocabularyFile } from './vocabulary.ts';
export type { ExtractedCode } from './extract.ts';
export type { ErrorResponse } from './map-error.ts';
export type { ErrorMapRuleCheck, RuleContext } from './rules/rule.ts';
