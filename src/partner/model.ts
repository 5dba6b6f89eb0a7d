import type { Contract, SchemaValidators } from '../contract/index.ts';
import type { Profile } from '../profile/index.ts';
import type { Scenario } from '../scenario/index.ts';
import type { LocatedDocument } from '../source/index.ts';

/** Everything railgate knows about one partner: profile, contract, scenarios — validated and cross-checked. */
export interface Partner {
  id: string;
  profileFile: string;
  /** sha256 of the profile file as read (`sha256:<hex>`): the readiness report names the rules it was judged by. */
  profileHash: string;
  profile: Profile;
  profileDoc: LocatedDocument;
  contract: Contract;
  validators: SchemaValidators;
  scenarios: Scenario[];
  suiteDir: string;
}
