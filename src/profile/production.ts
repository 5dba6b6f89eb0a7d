import type { EnvironmentName, Profile } from './model.ts';

/**
 * Why an environment of the profile is production, or undefined when it is not. Marked `production: true`,
 * named `production`, or — the mistake this guards against — a `sandbox` whose base URL host is the
 * production environment's: a copied URL must not make real money move because a flag was left off.
 */
export function productionReason(profile: Profile, env: EnvironmentName): string | undefined {
  const target = profile.environments[env];
  if (!target) return undefined;
  if (target.production === true) return `environment '${env}' is marked production`;
  if (env === 'production') return "environment 'production' is production by its name";
  const host = hostOf(target.baseUrl);
  if (!host) return undefined;
  for (const [name, other] of Object.entries(profile.environments)) {
    if (name === env || !other || (other.production !== true && name !== 'production')) continue;
    if (hostOf(other.baseUrl) === host) return `environment '${env}' sends to ${host}, the host of production environment '${name}'`;
  }
  return undefined;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
}
