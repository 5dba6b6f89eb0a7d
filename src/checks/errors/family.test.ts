import { describe, expect, it } from 'vitest';
import { loadPartners } from '../../partner/index.ts';
import { REPO } from '../../../test/helpers/workspace.ts';
import { planPartner } from '../plan.ts';

const [pixpay] = await loadPartners(REPO, 'pixpay');

describe('errors family plan', () => {
  const plan = planPartner(pixpay!, { env: 'simulator' });
  const families = plan.families.map((f) => f.family);
  const errors = plan.families.find((f) => f.family === 'errors')?.checks ?? [];

  it('runs after the families that provoke errors, and before contract, which stays last', () => {
    expect(families.at(-1)).toBe('contract');
    expect(families.indexOf('errors')).toBe(families.length - 2);
  });

  it('plans the static rules, one check per trigger, and the run-wide checks last', () => {
    expect(errors.slice(0, 4).map((c) => c.tags)).toEqual([['static'], ['static'], ['static'], ['static']]);
    expect(errors.filter((c) => c.tags.includes('trigger'))).toHaveLength(pixpay!.profile.errors?.triggers?.length ?? -1);
    expect(errors.slice(-2).map((c) => c.name)).toEqual(['error-code coverage of the run', 'every partner code seen in the run is mapped']);
  });

  it('locates each trigger check at its trigger in the profile', () => {
    const trigger = errors.find((c) => c.name === 'PIX_KEY_NOT_FOUND via createPayout comes back as documented');
    expect(trigger?.loc).toMatchObject({ file: 'partners/pixpay.yaml' });
    expect(trigger?.loc?.line).toBeGreaterThan(1);
  });
});
