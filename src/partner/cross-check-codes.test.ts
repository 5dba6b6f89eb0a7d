import { describe, expect, it } from 'vitest';
import type { Profile } from '../profile/index.ts';
import { formatInputProblem, parseLocatedYaml } from '../source/index.ts';
import { crossCheckCodes } from './cross-check-codes.ts';

const judge = (yaml: string): string[] => {
  const doc = parseLocatedYaml('p.yaml', yaml);
  return crossCheckCodes(doc.data as Profile, doc).map(formatInputProblem);
};

const ERRORS = 'errors:\n  code: /code\n  map:\n    AM05: { canonical: AM05 }\n    UNAUTHENTICATED: { canonical: AUTHENTICATION_FAILED }\n    REFUND_EXCEEDS_CAPTURED: { canonical: AM09 }\n';

describe('crossCheckCodes', () => {
  it('accepts codes the map has', () => {
    expect(
      judge(`${ERRORS}idempotency:\n  answers:\n    mismatch: { status: 409, code: AM05 }\n    missingKey: accepted\nauth:\n  rejection: { status: 401, code: UNAUTHENTICATED }\ntransactions:\n  refund: { create: r, read: g, parent: { transaction: p, pointer: /p, exceeds: REFUND_EXCEEDS_CAPTURED } }\n`),
    ).toEqual([]);
  });

  it('names each code the map lacks, where the profile names it', () => {
    expect(
      judge(`${ERRORS}idempotency:\n  answers:\n    mismatch: { status: 409, code: AM5 }\nauth:\n  rejections:\n    stale-timestamp: { status: 401, code: SIGNATURE_EXPIRED }\ntransactions:\n  refund: { create: r, read: g, parent: { transaction: p, pointer: /p, exceeds: REFUND_EXCEEDS } }\n`),
    ).toEqual([
      "p.yaml:9:36  idempotency.answers.mismatch.code: 'AM5' is not in errors.map (did you mean 'AM05'?): map it onto its canonical code, or the run reports the partner's documented answer as unmapped",
      "p.yaml:12:43  auth.rejections.stale-timestamp.code: 'SIGNATURE_EXPIRED' is not in errors.map: map it onto its canonical code, or the run reports the partner's documented answer as unmapped",
      "p.yaml:14:81  transactions.refund.parent.exceeds: 'REFUND_EXCEEDS' is not in errors.map: map it onto its canonical code, or the run reports the partner's documented answer as unmapped",
    ]);
  });

  it('has nothing to check without an errors section', () => {
    expect(judge('idempotency:\n  answers:\n    mismatch: { status: 409, code: AM5 }\n')).toEqual([]);
  });
});
