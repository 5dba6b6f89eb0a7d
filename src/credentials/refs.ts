import type { Profile } from '../profile/index.ts';

/** One environment variable the profile names, where it is named, and whether its value is a secret. */
export interface CredentialRef {
  name: string;
  /** Key path in the profile, for located messages. */
  path: Array<string | number>;
  /** Key ids and client ids identify; they do not authenticate, so reports may show them. */
  secret: boolean;
}

const IDENTIFIERS = new Set(['keyIdEnv', 'clientIdEnv', 'usernameEnv', 'webhookIdEnv']);

/** Every `…Env` key of the `auth` and `webhooks` sections, in profile order (pure). */
export function credentialRefs(profile: Profile): CredentialRef[] {
  const refs: CredentialRef[] = [];
  const walk = (node: unknown, path: Array<string | number>): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key.endsWith('Env') && typeof value === 'string') refs.push({ name: value, path: [...path, key], secret: !IDENTIFIERS.has(key) });
      else walk(value, [...path, key]);
    }
  };
  walk(profile.auth, ['auth']);
  walk(profile.webhooks, ['webhooks']);
  return refs;
}
