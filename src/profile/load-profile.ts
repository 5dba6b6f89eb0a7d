import { patternProblem } from '../redact/profile-rules.ts';
import { InputError, literalSecrets, parseLocatedYaml, readLocatedYaml, validateInput } from '../source/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';
import { envNameProblems } from './env-names.ts';
import type { Profile } from './model.ts';

export interface LoadedProfile {
  profile: Profile;
  doc: LocatedDocument;
}

/**
 * Reads and validates `partners/<id>.yaml` against schemas/profile.schema.json. A secret written out — where
 * an `…Env` key wants its variable's name, or anywhere else — is refused before anything uses it.
 */
export async function loadProfile(file: string, text?: string): Promise<LoadedProfile> {
  // `text`: a profile held in memory (one `lint --contract` inferred), read and judged as if from `file`.
  const doc = text === undefined ? await readLocatedYaml(file) : parseLocatedYaml(file, text);
  const envNames = envNameProblems(doc);
  let profile: Profile;
  try {
    profile = validateInput<Profile>(doc, 'profile.schema.json');
  } catch (e) {
    if (!(e instanceof InputError) || envNames.length === 0) throw e;
    // The schema's "must match pattern" at those keys gives way to words that say what went wrong.
    const ours = new Set(envNames.map((p) => `${p.line}:${p.col}`));
    throw new InputError(byPlace([...e.problems.filter((p) => !ours.has(`${p.line}:${p.col}`)), ...envNames]));
  }
  const problems = [...redactProblems(profile, doc), ...literalSecrets(doc)];
  if (problems.length > 0) throw new InputError(byPlace(problems));
  return { profile, doc };
}

function byPlace(problems: InputProblem[]): InputProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
}

/** `redact.patterns` that JavaScript cannot compile (or that match the empty text), each at its own place. */
function redactProblems(profile: Profile, doc: LocatedDocument): InputProblem[] {
  return (profile.redact?.patterns ?? []).flatMap((pattern, i) => {
    const why = patternProblem(pattern);
    return why ? [doc.problem(['redact', 'patterns', i], why, 'value')] : [];
  });
}
