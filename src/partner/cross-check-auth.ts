import type { Contract } from '../contract/index.ts';
import type { Profile } from '../profile/index.ts';
import { closest } from '../source/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';

/**
 * What the JSON Schema cannot say about `auth` and `webhooks`: references into the contract, and parts of
 * a scheme that only work together (a signed timestamp needs a header to travel in). Pure; located.
 */
export function crossCheckAuth(profile: Profile, doc: LocatedDocument, contract: Contract): InputProblem[] {
  const problems: InputProblem[] = [];
  const { oauth2, hmac, rfc9421 } = profile.auth ?? {};
  if (oauth2) {
    if (!oauth2.tokenOperation && !oauth2.tokenUrl) problems.push(doc.problem(['auth', 'oauth2'], 'needs tokenOperation (an operationId of the contract) or tokenUrl'));
    if (oauth2.tokenOperation && !contract.operations.has(oauth2.tokenOperation)) {
      const hint = closest(oauth2.tokenOperation, contract.operations.keys());
      problems.push(doc.problem(['auth', 'oauth2', 'tokenOperation'], `operation '${oauth2.tokenOperation}' is not in the contract${hint ? ` (did you mean '${hint}'?)` : ''}`));
    }
  }
  if (hmac) {
    hmac.components.forEach((c, i) => {
      if ((c === 'timestamp' || c === 'nonce') && !hmac.headers[c]) {
        problems.push(doc.problem(['auth', 'hmac', 'components', i], `the canonical string signs a ${c}, but headers.${c} names no header to send it in`));
      }
    });
  }
  if (rfc9421) {
    const params = rfc9421.params ?? ['created', 'keyid'];
    if (params.includes('keyid') && !rfc9421.keyId && !rfc9421.keyIdEnv) problems.push(doc.problem(['auth', 'rfc9421', 'params'], "signs a 'keyid' but neither keyId nor keyIdEnv gives one"));
    if (params.includes('tag') && rfc9421.tag === undefined) problems.push(doc.problem(['auth', 'rfc9421', 'params'], "signs a 'tag' but 'tag' is not set"));
    if (params.includes('expires') && !params.includes('created')) problems.push(doc.problem(['auth', 'rfc9421', 'params'], "'expires' without 'created': the tolerance is measured from 'created'"));
  }
  const hooks = profile.webhooks;
  if (hooks?.scheme === 'rfc9421' && hooks.algorithm && !['hmac-sha256', 'ed25519', 'ecdsa-p256-sha256', 'rsa-pss-sha512'].includes(hooks.algorithm)) {
    problems.push(doc.problem(['webhooks', 'algorithm'], 'an rfc9421 webhook needs one of hmac-sha256, ed25519, ecdsa-p256-sha256, rsa-pss-sha512'));
  }
  if (hooks && hooks.scheme !== 'rfc9421' && hooks.algorithm && hooks.algorithm !== 'sha256' && hooks.algorithm !== 'sha512') {
    problems.push(doc.problem(['webhooks', 'algorithm'], `a ${hooks.scheme} webhook is an HMAC: sha256 or sha512`));
  }
  return problems;
}
