import type { EnvironmentName } from '../profile/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';
import type { Profile } from '../profile/index.ts';
import { credentialsFor } from './credentials.ts';
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
  for (const ref of credentialRefs(profile)) {
    if (!credentials.has(ref.name)) {
      const where = env === 'simulator' ? `no test credential ${ref.name} in environments.simulator.testCredentials` : `environment variable ${ref.name} is not set (needed for the ${env} environment)`;
      problems.push(doc.problem(ref.path, where));
      continue;
    }
    if (ref.path[ref.path.length - 1] !== 'keyEnv') continue;
    const alg = ref.path[0] === 'auth' ? profile.auth?.rfc9421?.algorithm : profile.webhooks?.algorithm;
    if (alg === 'hmac-sha256') continue;
    try {
      parseKey(credentials.get(ref.name));
    } catch (e) {
      problems.push(doc.problem(ref.path, `${ref.name} ${(e as Error).message}`));
    }
  }
  return problems;
}
