import { describe, expect, it } from 'vitest';
import { loadExamplePartner } from '../../test/helpers/workspace.ts';
import { planPartner } from './plan.ts';

describe('checks that ask the partner for a 429 on purpose', () => {
  it('are the rate-limit trigger and the Retry-After checks that use it, and no other', async () => {
    const pixpay = await loadExamplePartner('pixpay');
    const checks = planPartner(pixpay, { env: 'sandbox' }).families.flatMap((f) => f.checks);
    const provoking = checks.filter((c) => c.provokes429).map((c) => `${c.family} ${c.name}`);
    expect(provoking).toContain('errors RATE_LIMITED via createPayout comes back as documented');
    expect(provoking.filter((n) => n.startsWith('retry ')).every((n) => n.endsWith('Retry-After is waited for'))).toBe(true);
    expect(provoking.some((n) => n.startsWith('retry '))).toBe(true);
    expect(provoking.filter((n) => !n.startsWith('retry ') && !n.startsWith('errors RATE_LIMITED'))).toEqual([]);
  });
});
