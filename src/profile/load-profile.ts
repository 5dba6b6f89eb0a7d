import { patternProblem } from '../redact/profile-rules.ts';
import { InputError, readLocatedYaml, validateInput } from '../source/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';
import type { Profile } from './model.ts';

export interface LoadedProfile {
  profile: Profile;
  doc: LocatedDocument;
}

/** Reads and validates `partners/<id>.yaml` against schemas/profile.schema.json. */
export async function loadProfile(file: string): Promise<LoadedProfile> {
  const doc = await readLocatedYaml(file);
  const profile = validateInput<Profile>(doc, 'profile.schema.json');
  const problems = redactProblems(profile, doc);
  if (problems.length > 0) throw new InputError(problems);
  return { profile, doc };
}

/** `redact.patterns` that JavaScript cannot compile (or that match the empty text), each at its own place. */
function redactProblems(profile: Profile, doc: LocatedDocument): InputProblem[] {
  return (profile.redact?.patterns ?? []).flatMap((pattern, i) => {
    const why = patternProblem(pattern);
    return why ? [doc.problem(['redact', 'patterns', i], why, 'value')] : [];
  });
}
