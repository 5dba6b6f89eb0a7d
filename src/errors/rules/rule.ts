import { closest } from '../../source/index.ts';
import type { DocumentedCode, ErrorsSpec, Finding, Vocabulary } from '../types.ts';

/** What every static rule of the errors section sees. */
export interface RuleContext {
  spec: ErrorsSpec;
  vocabulary: Vocabulary;
  documented: readonly DocumentedCode[];
}

export type ErrorMapRuleCheck = (context: RuleContext) => Finding[];

/** " (did you mean 'X'?)" when a candidate is close to `word`, else ''. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : ` (did you mean '${match}'?)`;
}
