import { describe, expect, it } from 'vitest';
import { UsageError } from './args.ts';
import { maxTimeOption } from './max-time.ts';

describe('--max-time', () => {
  it('is a duration with its unit, counted from now', () => {
    expect(maxTimeOption('90s', 1000)).toEqual({ maxTime: { ms: 90_000, from: 1000, text: '90s' } });
    expect(maxTimeOption(undefined)).toEqual({});
  });

  it('refuses a bare number and zero, saying what it takes', () => {
    expect(() => maxTimeOption('600')).toThrow(new UsageError("--max-time must be a duration above zero with its unit, e.g. 90s, 10m or 1h (got '600')"));
    expect(() => maxTimeOption('0s')).toThrow(UsageError);
  });
});
