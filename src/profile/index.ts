export { loadProfile } from './load-profile.ts';
export type { LoadedProfile } from './load-profile.ts';
export { parseDuration } from './duration.ts';
export type { Duration, Environment, EnvironmentName, ErrorTrigger, Family, Profile, Timeouts, TransactionSpec } from './model.ts';
