import { errorMapRules } from './rules/index.ts';
import type { DocumentedCode, ErrorsSpec, Finding, Vocabulary } from './types.ts';

/** Static checks of the profile's `errors` section against the vocabulary and the codes the contract
 *  documents (collectDocumentedCodes). Pure; findings in rule order, then source order. */
export function checkErrorMap(spec: ErrorsSpec, vocabulary: Vocabulary, documentedCodes: readonly DocumentedCode[]): Finding[] {
  const context = { spec, vocabulary, documented: documentedCodes };
  return errorMapRules.flatMap((rule) => rule(context));
}
