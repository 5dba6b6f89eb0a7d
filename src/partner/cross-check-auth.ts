import { PAYPAL_AUTH_ALGO } from '../auth/index.ts';
import type { Contract } from '../contract/index.ts';
import { PUBLIC_KEY_ALGORITHMS, isHmacScheme, isKeyPairScheme } from '../profile/index.ts';
import type { Profile, WebhooksSpec } from '../profile/index.ts';
import { closest } from '../source/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';

/**
 * What the JSON Schema cannot say about `auth` and `webhooks`: references into the contract, and parts of
 * a scheme that only work together (a signed timestamp needs a header to travel in). Pure; located.
 */
export function crossCheckAuth(profile: Profile, doc: LocatedDocument, contract: Pick<Contract, 'operations'>): InputProblem[] {
  const problems: InputProblem[] = [];
  const oauth2 = profile.auth?.oauth2;
  if (oauth2?.tokenOperation && !contract.operations.has(oauth2.tokenOperation)) {
    const hint = closest(oauth2.tokenOperation, contract.operations.keys());
    problems.push(doc.problem(['auth', 'oauth2', 'tokenOperation'], `operation '${oauth2.tokenOperation}' is not in the contract${hint ? ` (did you mean '${hint}'?)` : ''}`));
  }
  return [...problems, ...authSchemeProblems(profile, doc)];
}

/**
 * The profile alone (no contract): the parts of `auth` and `webhooks` that only work together. `sign` and `webhook
 * verify`, which load no validated contract, refuse what lint refuses here rather than sign or verify by a broken scheme.
 */
export function authSchemeProblems(profile: Profile, doc: LocatedDocument): InputProblem[] {
  const problems: InputProblem[] = [];
  const { oauth2, hmac, rfc9421 } = profile.auth ?? {};
  if (oauth2 && !oauth2.tokenOperation && !oauth2.tokenUrl) problems.push(doc.problem(['auth', 'oauth2'], 'needs tokenOperation (an operationId of the contract) or tokenUrl'));
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
  if (hooks) problems.push(...webhookSchemeProblems(hooks, doc));
  return problems;
}

/** Keys of the `webhooks` section that only work together, or only for some schemes (docs/decisions/webhook-schemes.md). */
export function webhookSchemeProblems(hooks: WebhooksSpec, doc: LocatedDocument): InputProblem[] {
  const problems: InputProblem[] = [];
  const at = (key: string, message: string): number => problems.push(doc.problem(['webhooks', key], message));
  const { scheme, algorithm } = hooks;
  if (scheme === 'rfc9421' && algorithm && !['hmac-sha256', 'ed25519', 'ecdsa-p256-sha256', 'rsa-pss-sha512'].includes(algorithm)) at('algorithm', 'an rfc9421 webhook needs one of hmac-sha256, ed25519, ecdsa-p256-sha256, rsa-pss-sha512');
  if (algorithm && isHmacScheme(hooks) && algorithm !== 'sha256' && algorithm !== 'sha512') at('algorithm', `a ${scheme} webhook is an HMAC: sha256 or sha512`);
  if (algorithm && scheme === 'public-key' && !(PUBLIC_KEY_ALGORITHMS as readonly string[]).includes(algorithm)) at('algorithm', `a public-key webhook is signed by a key pair: one of ${PUBLIC_KEY_ALGORITHMS.join(', ')}`);
  if (algorithm && scheme === 'paypal') at('algorithm', `PayPal names its algorithm in PAYPAL-AUTH-ALGO (${PAYPAL_AUTH_ALGO}): leave algorithm out`);
  if (isKeyPairScheme(hooks)) {
    if (hooks.keyEnv === undefined && hooks.keyFile === undefined) problems.push(doc.problem(['webhooks', 'scheme'], `a ${scheme} webhook is verified with the partner's public key${scheme === 'paypal' ? ' (its certificate)' : ''}: give keyEnv or keyFile`));
    if (hooks.secretEnv !== undefined) at('secretEnv', `a ${scheme} webhook has no shared secret: the partner signs with its private key; name its public key with keyEnv or keyFile`);
  } else if (hooks.keyFile !== undefined) {
    at('keyFile', `keyFile is for the public-key and paypal schemes; a ${scheme} webhook takes ${isHmacScheme(hooks) ? 'secretEnv' : 'keyEnv'}`);
  }
  if (isHmacScheme(hooks) && hooks.keyEnv !== undefined) at('keyEnv', `a ${scheme} webhook is an HMAC with a shared secret: name it with secretEnv (keyEnv is for schemes signed by a key pair)`);
  if (scheme === 'paypal' && hooks.webhookId === undefined && hooks.webhookIdEnv === undefined) problems.push(doc.problem(['webhooks', 'scheme'], 'PayPal signs the webhook id: give webhookId or webhookIdEnv'));
  if (hooks.ecdsaSignature !== undefined && algorithm !== 'ecdsa-p256-sha256') at('ecdsaSignature', 'ecdsaSignature applies to algorithm ecdsa-p256-sha256 only');
  if (hooks.message !== undefined && scheme !== 'public-key') at('message', 'message applies to the public-key scheme only');
  if (scheme === 'fields-hmac' && hooks.signatureAt !== undefined && hooks.fields?.includes(hooks.signatureAt)) at('signatureAt', `the signature cannot sign itself: ${hooks.signatureAt} is also in fields`);
  return problems;
}
