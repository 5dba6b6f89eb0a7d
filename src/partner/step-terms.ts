import type { Contract } from '../contract/index.ts';
import type { Vocabulary } from '../errors/index.ts';
import type { Profile } from '../profile/index.ts';
import type { ScenarioTerms } from '../scenario/index.ts';

/**
 * What a partner's scenarios and setup steps may name, from its contract, profile and the canonical
 * vocabulary (pure): operations, rails, the event types its profile declares (webhooks.events and the
 * transactions' events), the canonical codes its errors section maps onto, and `${webhooks.url}` when a
 * receiver runs. Without the vocabulary, canonical codes are not checked (setup steps expect none).
 */
export function stepTerms(profile: Profile, contract: Contract, vocabulary?: Vocabulary): ScenarioTerms {
  const hooks = profile.webhooks;
  const events = new Set([...(hooks?.events ?? []), ...Object.values(profile.transactions ?? {}).flatMap((tx) => tx.events?.types ?? [])]);
  const errors = profile.errors;
  const mapped = errors ? new Set([...Object.values(errors.map).map((m) => m.canonical), ...Object.values(errors.byStatus ?? {})]) : undefined;
  return {
    operationIds: new Set(contract.operations.keys()),
    rails: profile.rails,
    variables: new Set(hooks ? ['webhooks'] : []),
    events: hooks ? events : 'none',
    ...(vocabulary && { canonical: { vocabulary: new Set(vocabulary.codes.keys()), mapped } }),
  };
}
