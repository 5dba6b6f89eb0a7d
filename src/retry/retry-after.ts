/**
 * Pure: a Retry-After value (RFC 9110 §10.2.3) as a wait in ms from `nowMs`: delay-seconds (`120`) or an
 * HTTP-date (`Fri, 31 Dec 1999 23:59:59 GMT`, and the obsolete RFC 850 / asctime forms Date.parse reads).
 * A date in the past waits 0. Anything else (`1.5`, `-1`, `soon`) is undefined: not a Retry-After at all,
 * so the caller falls back to its backoff.
 * `nowMs` is the run's clock: a date the simulator computed from the same clock agrees.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^[0-9]+$/.test(v)) return Number(v) * 1000;
  // Date.parse accepts far too much ('1', '2024'); an HTTP-date always names a weekday and a GMT zone.
  if (!/^[A-Za-z]{3,9},? .*\b(GMT|UTC)$|^[A-Za-z]{3} [A-Za-z]{3} +[0-9]{1,2} [0-9:]{8} [0-9]{4}$/.test(v)) return undefined;
  const at = Date.parse(/GMT|UTC$/.test(v) ? v : `${v} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
