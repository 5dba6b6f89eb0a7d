import { describe, expect, test } from 'vitest';
import { createManualClock } from '../clock/index.ts';
import { parseRetryAfter } from './retry-after.ts';

describe('parseRetryAfter (RFC 9110 §10.2.3)', () => {
  const now = Date.parse('Sun, 06 Nov 1994 08:49:37 GMT');

  test.each([
    ['0', 0],
    ['1', 1000],
    ['120', 120_000],
    [' 30 ', 30_000],
  ])('delay-seconds %j → %d ms', (v, ms) => expect(parseRetryAfter(v, now)).toBe(ms));

  test.each([
    ['Sun, 06 Nov 1994 08:49:40 GMT', 3000],
    ['Sunday, 06-Nov-94 08:49:40 GMT', 3000],
    ['Sun Nov  6 08:49:40 1994', 3000],
    ['Sun, 06 Nov 1994 08:49:00 GMT', 0],
  ])('HTTP-date %j → %d ms from now (a past date waits 0)', (v, ms) => expect(parseRetryAfter(v, now)).toBe(ms));

  test.each(['', '1.5', '-1', 'soon', '1e3', 'Sun, 06 Nov 1994', 'tomorrow GMT'])('%j is no Retry-After', (v) => expect(parseRetryAfter(v, now)).toBeUndefined());

  test('absent header', () => expect(parseRetryAfter(undefined, now)).toBeUndefined());

  test('an HTTP-date is read against the run clock, so a scaled clock and its simulator agree', () => {
    const clock = createManualClock({ scale: 0.01, start: now });
    clock.advance(60_000);
    expect(parseRetryAfter(new Date(clock.now() + 5000).toUTCString(), clock.now())).toBe(5000);
  });
});
