import { UNMAPPED, mapError } from '../errors/index.ts';
import type { ErrorsSpec, Vocabulary } from '../errors/index.ts';
import type { FailureKind } from '../checks/model.ts';
import { closest } from '../source/index.ts';

/** What `expect.canonical` maps an answer with: the profile's errors section and the vocabulary. */
export interface CanonicalMapping {
  spec: ErrorsSpec | undefined;
  vocabulary: Vocabulary;
}

export interface CanonicalMiss {
  message: string;
  kind: FailureKind;
}

/**
 * Why an answer does not map to the canonical code a scenario expects, or undefined when it does (pure).
 * The answer goes through the same mapError as the errors family, so a scenario and the coverage matrix
 * never disagree on what a partner code means. A miss names the partner code, the status and what it
 * mapped to; a scenario or profile that cannot be judged is a configuration mistake, not a partner defect.
 */
export function canonicalMiss(want: string, answer: { status: number; body: unknown }, mapping: CanonicalMapping): CanonicalMiss | undefined {
  if (!mapping.vocabulary.has(want)) {
    const hint = closest(want, mapping.vocabulary.codes.keys());
    return { kind: 'configuration', message: `expected canonical '${want}', which is not in the vocabulary${hint ? ` (did you mean '${hint}'?)` : ''}` };
  }
  if (!mapping.spec) return { kind: 'configuration', message: `expected canonical ${want}, but the profile has no errors section to map the answer with` };
  const mapped = mapError(answer, mapping.spec, mapping.vocabulary);
  if (!mapped) return { kind: 'partner-defect', message: `expected canonical ${want}, got a success (${answer.status})` };
  if (mapped.canonical === want) return undefined;
  const code = mapped.partnerCode === undefined ? 'no partner code' : `partner code ${mapped.partnerCode}`;
  const how =
    mapped.mappedBy === 'map' ? `maps to ${mapped.canonical}`
    : mapped.mappedBy === 'status' ? `maps to ${mapped.canonical} by errors.byStatus`
    : mapped.partnerCode === undefined ? 'maps to nothing (no errors.byStatus rule for the status)'
    : `maps to ${UNMAPPED} (not in errors.map)`;
  return { kind: 'partner-defect', message: `expected canonical ${want}, got ${code} (status ${answer.status}), which ${how}` };
}
