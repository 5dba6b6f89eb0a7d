import type { EnvironmentName, Profile } from '../profile/index.ts';
import { credentialRefs } from './refs.ts';

/** A credential the profile names is not available where the run needs it. */
export class MissingCredential extends Error {
  readonly variable: string;
  constructor(variable: string, where: string) {
    super(`${variable} is not set (${where})`);
    this.name = 'MissingCredential';
    this.variable = variable;
  }
}

/**
 * The values behind the profile's `…Env` names. Against the embedded simulator they are the fixed test
 * credentials the profile ships (the simulator verifies with the same ones); anywhere else they come from
 * the process environment, never from a file, so a sandbox secret cannot end up in the repository.
 */
export interface Credentials {
  /** Where the values come from, for messages. */
  readonly source: string;
  has(name: string): boolean;
  /** Throws MissingCredential. */
  get(name: string): string;
  /** Every resolved secret value the profile names, for the redaction rules. */
  secretValues(): string[];
}

export function credentialsFor(profile: Profile, env: EnvironmentName, processEnv: NodeJS.ProcessEnv): Credentials {
  const simulated = env === 'simulator';
  const table: Record<string, string | undefined> = simulated ? { ...profile.environments.simulator?.testCredentials } : processEnv;
  const source = simulated ? `the simulator's test credentials (environments.simulator.testCredentials)` : `an environment variable, for the ${env} environment`;
  const lookup = (name: string): string | undefined => {
    const value = table[name];
    return value === undefined || value === '' ? undefined : value;
  };
  return {
    source,
    has: (name) => lookup(name) !== undefined,
    get(name) {
      const value = lookup(name);
      if (value === undefined) throw new MissingCredential(name, `expected in ${source}`);
      return value;
    },
    secretValues: () =>
      credentialRefs(profile)
        .filter((r) => r.secret)
        .map((r) => lookup(r.name))
        .filter((v): v is string => v !== undefined),
  };
}
