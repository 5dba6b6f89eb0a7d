import { loadVocabulary } from '../errors/index.ts';
import type { RetryClass, Vocabulary } from '../errors/index.ts';
import type { Profile } from '../profile/model.ts';
import type { CodeRules } from './classify.ts';

/** Pure: how a profile's partner codes are judged for retries: `errors.map`'s retry class, else the vocabulary's. */
export function codeRulesOf(profile: Profile, vocabulary: Vocabulary | undefined): CodeRules {
  const errors = profile.errors;
  return {
    location: errors ? { code: errors.code, message: errors.message } : undefined,
    retryClassOf(code: string): RetryClass | undefined {
      const entry = errors?.map && Object.hasOwn(errors.map, code) ? errors.map[code] : undefined;
      if (!entry) return undefined;
      return entry.retry ?? vocabulary?.get(entry.canonical)?.retry;
    },
  };
}

const cache = new WeakMap<Profile, Promise<CodeRules>>();

/** The profile's code rules with the shipped vocabulary, read once per profile (I/O edge). */
export function loadCodeRules(profile: Profile): Promise<CodeRules> {
  let rules = cache.get(profile);
  if (!rules) {
    // A vocabulary that fails to load is the errors family's finding; retries still follow explicit classes.
    rules = loadVocabulary().then(
      (v) => codeRulesOf(profile, v),
      () => codeRulesOf(profile, undefined),
    );
    cache.set(profile, rules);
  }
  return rules;
}
