import { parseDuration } from './duration.ts';
import type { EnvironmentName, Profile, Timeouts } from './model.ts';

/** An environment's timeouts in ms: connect, headers and body per phase; deadline for the whole exchange. */
export interface TimeoutsMs {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  deadlineMs: number;
}

/** What railgate waits where a profile says nothing. */
export const DEFAULT_TIMEOUTS: Required<Timeouts> = { connect: '5s', headers: '30s', body: '30s', deadline: '60s' };

/**
 * Pure: the timeouts in force against one environment, each phase from `environments.<env>.timeouts`, else
 * the profile's `timeouts`, else the default. Every call railgate makes starts from these (issue 12: a
 * sandbox's own headers timeout must fire, not only the call's deadline).
 */
export function environmentTimeouts(profile: Pick<Profile, 'timeouts' | 'environments'>, env: EnvironmentName): TimeoutsMs {
  const t = { ...DEFAULT_TIMEOUTS, ...profile.timeouts, ...profile.environments[env]?.timeouts };
  return { connectMs: parseDuration(t.connect), headersMs: parseDuration(t.headers), bodyMs: parseDuration(t.body), deadlineMs: parseDuration(t.deadline) };
}
