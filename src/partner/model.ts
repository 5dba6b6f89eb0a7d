import type { Contract, SchemaValidators } from '../contract/index.ts';
import type { Profile } from '../profile/index.ts';
import type { Scenario } from '../scenario/index.ts';
import type { LocatedDocument } from '../source/index.ts';

/** Everything railgate knows about one partner: profile, contract, scenarios — validated and cross-checked. */
export interface Partner {
  id: string;
  profileFile: string;
  profile: Profile;
  profileDoc: LocatedDocument;
  contract: Contract;
  validators: SchemaValidators;
  scenarios: Scenario[];
  suiteDir: string;
}
