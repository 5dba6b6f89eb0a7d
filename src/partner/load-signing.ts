import { loadOperations } from '../contract/index.ts';
import type { Contract } from '../contract/index.ts';
import { loadProfile } from '../profile/index.ts';
import type { Profile } from '../profile/index.ts';
import { InputError } from '../source/index.ts';
import type { LocatedDocument } from '../source/index.ts';
import { authSchemeProblems } from './cross-check-auth.ts';
import { anchorKeyFile, contractFault, fromProfile, idProblems, profileFiles } from './load-partner.ts';

/** A partner as `sign` and `webhook verify` need it: the profile, validated — not the scenarios, not a validated contract. */
export interface SigningPartner {
  id: string;
  profileFile: string;
  profile: Profile;
  profileDoc: LocatedDocument;
}

/**
 * One partner's profile, read and checked against its schema as `run` reads it. Signing a request or verifying
 * a webhook needs the auth and webhooks sections and at most one operation: loading and validating the contract,
 * the scenarios and the cross-checks took 10–35 s on a large published contract (issue 13).
 */
export async function loadSigningPartner(root: string, id: string): Promise<SigningPartner> {
  const [profileFile] = await profileFiles(root, id);
  const { profile, doc } = await loadProfile(profileFile as string);
  // The scheme checks lint makes of the profile alone (pure, no contract): a timestamp signed but sent in no header, a
  // PayPal scheme without its webhook id, would otherwise be signed or verified as if they worked.
  const problems = [...idProblems(profile, doc, profileFile as string), ...authSchemeProblems(profile, doc)];
  if (problems.length > 0) throw new InputError(problems);
  anchorKeyFile(profile, profileFile as string);
  return { id: profile.id, profileFile: profileFile as string, profile, profileDoc: doc };
}

/** The partner's contract as far as `sign` reads it: servers and operations (load-contract.ts loadOperations). */
export async function loadSigningContract(p: SigningPartner): Promise<Pick<Contract, 'file' | 'servers' | 'operations'>> {
  const contractFile = fromProfile(p.profileFile, p.profile.contract);
  try {
    return await loadOperations(contractFile);
  } catch (e) {
    throw contractFault(e, p.profileDoc, contractFile);
  }
}
