import { readLocatedYaml, validateInput } from '../source/index.ts';
import type { LocatedDocument } from '../source/index.ts';
import type { Profile } from './model.ts';

export interface LoadedProfile {
  profile: Profile;
  doc: LocatedDocument;
}

/** Reads and validates `partners/<id>.yaml` against schemas/profile.schema.json. */
export async function loadProfile(file: string): Promise<LoadedProfile> {
  const doc = await readLocatedYaml(file);
  const profile = validateInput<Profile>(doc, 'profile.schema.json');
  return { profile, doc };
}
