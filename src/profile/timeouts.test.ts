import { describe, expect, it } from 'vitest';
import { environmentTimeouts } from './timeouts.ts';

describe('environmentTimeouts', () => {
  it("takes each phase from the environment's own timeouts, then the profile's, then the default", () => {
    const profile = { timeouts: { headers: '10s', deadline: '30s' }, environments: { sandbox: { timeouts: { headers: '300ms', body: 2000 } } } };
    expect(environmentTimeouts(profile, 'sandbox')).toEqual({ connectMs: 5000, headersMs: 300, bodyMs: 2000, deadlineMs: 30_000 });
    expect(environmentTimeouts(profile, 'simulator')).toEqual({ connectMs: 5000, headersMs: 10_000, bodyMs: 30_000, deadlineMs: 30_000 });
  });
});
