import { stringify } from 'yaml';
import type { Contract } from '../contract/index.ts';
import type { Profile } from '../profile/index.ts';

export interface ScenarioFileText {
  /** File name inside `suites/<id>/`. */
  name: string;
  text: string;
}

/**
 * Baseline scenarios for an inferred profile: each proposed transaction is created (with an idempotency key when
 * its operation takes one) and read back by the id the answer gave. Tagged `baseline`, bound to the first rail. A
 * transaction created under an earlier resource gets none: its create needs an id no baseline has.
 */
export function baselineScenarios(profile: Profile, contract: Contract, schemaRef: string): ScenarioFileText[] {
  const out: ScenarioFileText[] = [];
  const rail = profile.rails[0] as string;
  for (const [key, tx] of Object.entries(profile.transactions ?? {})) {
    const create = contract.operations.get(tx.create);
    const read = contract.operations.get(tx.read);
    const id = tx.id ?? '/id';
    if (!create || !read || !tx.idParam || !/^\/[A-Za-z_][\w]*$/.test(id)) continue;
    // A create under an earlier resource (PayPal's /authorizations/{authorization_id}/capture) needs that resource's
    // id, which a baseline cannot make up: no scenario, and the profile's TODO says to write one (infer-transactions).
    if (create.parameters.some((p) => p.in === 'path')) continue;
    const created = create.responses.find((r) => /^2\d\d$/.test(r.status))?.status;
    const header = profile.idempotency?.operations.includes(create.id) ? profile.idempotency.header : undefined;
    const name = `${key}-create-read`;
    const scenario = {
      name,
      title: `A ${key} is created with ${create.id} and read back with ${read.id} (baseline from railgate init)`,
      rail,
      tags: ['baseline'],
      steps: [
        { call: create.id, as: 'create', ...(header && { headers: { [header]: '${uuid}' } }), expect: { status: Number(created ?? 200) } },
        { call: read.id, params: { [tx.idParam]: `\${create.body.${id.slice(1)}}` }, expect: { status: 200 } },
      ],
    };
    out.push({ name: `${name}.yaml`, text: `# yaml-language-server: $schema=${schemaRef}\n${stringify(scenario, { lineWidth: 0 })}` });
  }
  return out;
}
