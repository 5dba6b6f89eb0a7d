import { checkErrorMap, collectDocumentedCodes } from '../../errors/index.ts';
import type { DocumentedCode, Finding, Vocabulary } from '../../errors/index.ts';
import type { Contract } from '../../contract/index.ts';
import type { Profile } from '../../profile/index.ts';
import type { InputProblem, LocatedDocument } from '../../source/index.ts';

/** What the static rules read of a partner (a Partner is one). */
export interface ErrorMapSource {
  profile: Pick<Profile, 'errors'>;
  profileDoc: LocatedDocument;
  contract: Pick<Contract, 'bundled'>;
}

/** A static finding about the profile's `errors` section, placed at its line in the profile. */
export interface LocatedFinding extends Finding {
  problem: InputProblem;
}

/** The codes the partner's contract documents at the profile's code location; none without an errors section. */
export function documentedCodes(partner: Omit<ErrorMapSource, 'profileDoc'>): DocumentedCode[] {
  const spec = partner.profile.errors;
  return spec === undefined ? [] : collectDocumentedCodes(partner.contract.bundled, spec.code);
}

/**
 * checkErrorMap over a partner's profile and contract, every finding located in the profile file
 * (`partners/pixpay.yaml:31:17  errors.map.X.canonical: …`). Pure: lint and the errors family share it.
 */
export function lintErrorMap(partner: ErrorMapSource, vocabulary: Vocabulary): LocatedFinding[] {
  const spec = partner.profile.errors;
  if (spec === undefined) return [];
  return checkErrorMap(spec, vocabulary, documentedCodes(partner)).map((finding) => ({
    ...finding,
    problem: partner.profileDoc.problem(['errors', ...finding.path], finding.message),
  }));
}
