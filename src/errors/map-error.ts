import { extractPartnerCode } from './extract.ts';
import { ownValue } from './record.ts';
import { isSuccess, statusRule } from './status.ts';
import type { ErrorCategory, ErrorsSpec, MappedError, RetryClass, Vocabulary } from './types.ts';

/** The canonical code of an error nothing maps. Deliberately not in the vocabulary: it is a finding,
 *  never a mapping target. */
export const UNMAPPED = 'UNMAPPED';

const UNMAPPED_RESULT = { canonical: UNMAPPED, retry: 'never', category: 'other', mappedBy: 'unmapped' } as const;

export interface ErrorResponse {
  status: number;
  body: unknown;
}

/**
 * Maps one partner response onto the canonical vocabulary. 2xx responses are no error (undefined).
 * A partner code present in `map` wins; a body with no code falls back to `byStatus`; a partner code
 * that `map` lacks is reported as `mappedBy: 'unmapped'` with canonical UNMAPPED, never coerced to
 * the status rule. A map target missing from the vocabulary keeps its name, with category 'other'
 * and retry 'never' unless the entry overrides it (checkErrorMap reports it as 'unknown-canonical').
 */
export function mapError(response: ErrorResponse, spec: ErrorsSpec, vocabulary: Vocabulary): MappedError | undefined {
  if (isSuccess(response.status)) return undefined;
  const { code, message } = extractPartnerCode(response.body, spec);
  const withMessage = message === undefined ? {} : { message };

  if (code !== undefined) {
    const entry = ownValue(spec.map, code);
    if (entry === undefined) return { partnerCode: code, ...UNMAPPED_RESULT, ...withMessage };
    const known = classify(entry.canonical, vocabulary);
    return {
      partnerCode: code,
      canonical: entry.canonical,
      retry: entry.retry ?? known.retry,
      category: known.category,
      mappedBy: 'map',
      ...withMessage,
    };
  }

  const canonical = statusRule(spec.byStatus ?? {}, response.status);
  if (canonical === undefined) return { ...UNMAPPED_RESULT, ...withMessage };
  return { canonical, ...classify(canonical, vocabulary), mappedBy: 'status', ...withMessage };
}

function classify(canonical: string, vocabulary: Vocabulary): { retry: RetryClass; category: ErrorCategory } {
  const known = vocabulary.get(canonical);
  return known === undefined ? { retry: 'never', category: 'other' } : { retry: known.retry, category: known.category };
}
