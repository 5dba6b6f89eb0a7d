import { normalizeField } from './card-data.ts';
import type { RedactionRules } from './redact.ts';

/** The profile's `redact` section: field names whose values are removed, value patterns masked to their last four. */
export interface RedactExtension {
  fields?: readonly string[];
  patterns?: readonly string[];
}

/** Why a profile pattern cannot be used, or undefined: the profile loader reports it at the pattern's place. */
export function patternProblem(source: string): string | undefined {
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'u');
  } catch (e) {
    // V8 repeats the pattern (`Invalid regular expression: /…/u: why`): the place already shows it.
    return `not a regular expression: ${(e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')}`;
  }
  // A pattern that matches nothing at all would mask between every two characters of every text.
  return regex.test('') ? 'matches the empty text: it would mask everywhere' : undefined;
}

export function withProfile(rules: RedactionRules, extension: RedactExtension | undefined): RedactionRules {
  if (!extension) return rules;
  return {
    ...rules,
    removedKeys: new Set([...rules.removedKeys, ...(extension.fields ?? []).map(normalizeField)]),
    // Loaded profiles were checked by patternProblem; a bad one here would be a programming error.
    patterns: [...rules.patterns, ...(extension.patterns ?? []).map((p) => new RegExp(p, 'gu'))],
  };
}
