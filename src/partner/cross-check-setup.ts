import { requestBodySchema, schemaDeclares } from '../contract/index.ts';
import type { Contract } from '../contract/index.ts';
import { getPointer } from '../json/index.ts';
import type { Profile } from '../profile/index.ts';
import { checkSteps, unknownOperation } from '../scenario/check-steps.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';
import { stepTerms } from './step-terms.ts';

/**
 * What the schema cannot say about `setup` and `webhooks.registration`: setup steps are checked as a
 * scenario's steps are (operations of the contract, one action each …; their shape is the scenario's step
 * schema, checked on load), and the registration names an operation whose request body declares the URL's
 * pointer. Pure; located in the profile.
 */
export function crossCheckSetup(profile: Profile, doc: LocatedDocument, contract: Contract): InputProblem[] {
  const terms = stepTerms(profile, contract);
  const ids = terms.operationIds;
  const problems = checkSteps(doc, ['setup'], profile.setup ?? [], terms).problems;
  const registration = profile.webhooks?.registration;
  if (!registration) return problems;
  const at = ['webhooks', 'registration'];
  const op = contract.operations.get(registration.operation);
  if (!op) return [...problems, unknownOperation(doc, [...at, 'operation'], registration.operation, ids)!];
  const schema = requestBodySchema(op);
  if (!schema) problems.push(doc.problem([...at, 'url'], `${op.id} documents no request body: there is no URL to register`));
  else if (!schemaDeclares(contract.bundled, schema, registration.url)) problems.push(doc.problem([...at, 'url'], `${op.id}'s request body schema has no ${registration.url}`));
  return problems;
}

/** A finding of `railgate lint` about a profile, located in it. */
export interface SetupFinding {
  level: 'error' | 'warning';
  problem: InputProblem;
}

/**
 * `railgate lint`: a partner that delivers only to registered URLs needs a setup step that registers
 * `${webhooks.url}` through the registration operation; without one it delivers nothing to railgate's
 * receiver (error). A step that calls it with another URL registers someone else (warning). Pure.
 */
export function lintRegistration(profile: Profile, doc: LocatedDocument): SetupFinding[] {
  const registration = profile.webhooks?.registration;
  if (!registration) return [];
  const calls = (profile.setup ?? []).map((step, i) => ({ step, i })).filter(({ step }) => step.call === registration.operation);
  if (calls.length === 0) {
    const message =
      `no setup step calls ${registration.operation}: ${profile.id} delivers webhooks only to registered URLs, so it will deliver nothing to railgate's receiver ` +
      `(add a setup step that calls ${registration.operation} with ${registration.url} = '\${webhooks.url}')`;
    return [{ level: 'error', problem: doc.problem(['webhooks', 'registration', 'operation'], message) }];
  }
  return calls.flatMap(({ step, i }): SetupFinding[] => {
    const url = getPointer(step.body, registration.url);
    if (typeof url === 'string' && url.includes('${webhooks.url}')) return [];
    const what = url === undefined ? "the contract's example URL" : JSON.stringify(url);
    return [{ level: 'warning', problem: doc.problem(['setup', i], `registers ${what} at ${registration.url}, not '\${webhooks.url}': this step does not register railgate's receiver`) }];
  });
}
