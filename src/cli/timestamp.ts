import { UsageError } from './args.ts';

/** `--at`: unix seconds, or an ISO 8601 date (what a support ticket quotes from a partner's log). */
export function atOption(v: unknown, now: () => number = () => Date.now()): number {
  if (v === undefined) return Math.floor(now() / 1000);
  const text = String(v);
  if (/^\d{1,15}$/.test(text)) return Number(text);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new UsageError(`--at must be unix seconds or an ISO 8601 date (got '${text}')`);
  return Math.floor(ms / 1000);
}
