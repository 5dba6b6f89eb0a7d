import type { Contract } from '../contract/index.ts';
import type { Profile } from '../profile/index.ts';
import { unknownOperation } from '../scenario/check-steps.ts';
import { closest } from '../source/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';

/**
 * What the schema cannot say about the profile's `requests` pins: each names an operation of the contract,
 * its `params` name path parameters of that operation (a pin under another name would fill nothing and spare
 * no create, silently), and a `body` goes only to an operation that takes one. Query parameters and headers
 * may be ones the contract does not list: a sandbox may read them. Pure; located in the profile.
 */
export function crossCheckRequests(profile: Profile, doc: LocatedDocument, contract: Contract): InputProblem[] {
  const problems: InputProblem[] = [];
  const ids = contract.operations.keys();
  for (const [id, pin] of Object.entries(profile.requests ?? {})) {
    const op = contract.operations.get(id);
    if (!op) {
      problems.push(unknownOperation(doc, ['requests', id], id, ids)!);
      continue;
    }
    const inPath = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
    for (const name of Object.keys(pin.params ?? {})) {
      if (inPath.includes(name)) continue;
      const hint = closest(name, inPath);
      const known = inPath.length > 0 ? `its path parameters: ${inPath.join(', ')}` : 'it has none';
      problems.push(doc.problem(['requests', id, 'params', name], `${id} (${op.path}) has no path parameter '${name}' (${hint ? `did you mean '${hint}'? ` : ''}${known})`, 'key'));
    }
    if (pin.body !== undefined && !op.requestBody) problems.push(doc.problem(['requests', id, 'body'], `${id} documents no request body: there is nothing to merge the pinned body into`, 'key'));
  }
  return problems;
}
