import type { EnvironmentName } from '../profile/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';
import { isKeyPairScheme } from '../profile/index.ts';
import type { Profile } from '../profile/index.ts';
import { credentialsFor } from './credentials.ts';
import { keyKindProblems } from './key-kind.ts';
import { parseKey } from './key-text.ts';
import { credentialRefs } from './refs.ts';

/**
 * Every credential the selected environment lacks, located at the key that names it, so a run stops
 * before it starts (exit 2) instead of failing each check with the same missing variable. Keys are also
 * parsed here: a PEM pasted with a broken line is a configuration mistake, not a partner defect.
 */
export function credentialProblems(profile: Profile, doc: LocatedDocument, env: EnvironmentName, processEnv: NodeJS.ProcessEnv): InputProblem[] {
  const credentials = credentialsFor(profile, env, processEnv);
  const problems: InputProblem[] = [];
  const hooks = profile.webhooks;
  const keyPair = hooks !== undefined && isKeyPairScheme(hooks);
  if (env === 'simulator' && keyPair && hooks.keyEnv === undefined) {
    problems.push(doc.problem(['webhooks', 'keyFile'], `the simulator signs its webhooks with the partner's private key, which a keyFile must not hold: add keyEnv and put a test private key under that name in environments.simulator.testCredentials`));
  }
  for (const ref of credentialRefs(profile)) {
    // Against a sandbox the partner's public key may come from the committed keyFile instead of keyEnv.
    if (keyPair && env !== 'simulator' && ref.path[0] === 'webhooks' && ref.path[1] === 'keyEnv' && hooks.keyFile !== undefined && !credentials.has(ref.name)) continue;
    if (!credentials.has(ref.name)) {
      const where = env === 'simulator' ? `no test credential ${ref.name} in environments.simulator.testCredentials` : `environment variable ${ref.name} is not set (needed for the ${env} environment)`;
      problems.push(doc.problem(ref.path, where));
      continue;
    }
    if (ref.path[ref.path.length - 1] !== 'keyEnv' || (keyPair && ref.path[0] === 'webhooks')) continue;
    const alg = ref.path[0] === 'auth' ? profile.auth?.rfc9421?.algorithm : profile.webhooks?.algorithm;
    if (alg === 'hmac-sha256') continue;
    try {
      parseKey(credentials.get(ref.name));
    } catch (e) {
      problems.push(doc.problem(ref.path, `${ref.name} ${(e as Error).message}`));
    }
  }
  return [...problems, ...keyKindProblems(profile, doc, credentials, env)];
}
