import { parseDuration } from '../profile/index.ts';
import type { RunConfig } from '../suite/run-config.ts';
import { UsageError } from './args.ts';

/**
 * `--max-time 10m`: the whole run's bound, counted from now, over every profile's `runTimeout`. A unit is
 * required: `--max-time 600` could mean seconds (curl) or milliseconds (the profile).
 */
export function maxTimeOption(v: unknown, now = Date.now()): Pick<RunConfig, 'maxTime'> {
  if (v === undefined) return {};
  const text = String(v);
  if (!/^[0-9]+(\.[0-9]+)?(ms|s|m|h)$/.test(text) || parseDuration(text) <= 0) throw new UsageError(`--max-time must be a duration above zero with its unit, e.g. 90s, 10m or 1h (got '${text}')`);
  return { maxTime: { ms: parseDuration(text), from: now, text } };
}
