import { describe, expect, it } from 'vitest';
import { belowMinimum } from './run-checks.ts';

const coverage = (exercised: boolean[]) => ({
  coverage: exercised.filter(Boolean).length / exercised.length,
  matrix: exercised.map((e, i) => ({ code: `C${i}`, canonical: 'AM04', exercised: e })),
  unmapped: [],
});

describe('belowMinimum', () => {
  it('says nothing without a minimum, or at or above it', () => {
    expect(belowMinimum(coverage([true, false]), undefined)).toBeUndefined();
    expect(belowMinimum(coverage([true, false]), 0.5)).toBeUndefined();
  });

  it('names the codes no request provoked when below it', () => {
    expect(belowMinimum(coverage([true, false, false]), 1)).toBe(
      'error-code coverage 33.3% is below errors.minCoverage 100%: no request of the run provoked C1, C2 as documented (a trigger in errors.triggers provokes one)',
    );
  });
});
