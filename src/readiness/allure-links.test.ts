import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allureLinks, checkKey } from './allure-links.ts';

const labels = (partner: string, family: string) => [{ name: 'parentSuite', value: partner }, { name: 'suite', value: family }];

describe('allureLinks', () => {
  it('addresses each check as the Allure 3 report does: a hash route to the md5 of its result uuid', () => {
    const links = allureLinks([{ uuid: 'c6fb6266-3b98-4872-acd3-fc3536c62548', name: 'createPayout answers conform to the contract', labels: labels('pixpay', 'contract') }], '../allure-report/index.html');
    // The id this uuid got in a generated report (data/test-results/cc70….json).
    expect(links.get(checkKey({ partner: 'pixpay', family: 'contract', name: 'createPayout answers conform to the contract' }))).toBe('../allure-report/index.html#/cc7054771aaa08910608dc46e383fc97');
  });

  it('keeps partners and families apart, and skips results that are not railgate checks', () => {
    const links = allureLinks([{ uuid: 'a', name: 'reconciliation', labels: labels('pixpay', 'transactions') }, { uuid: 'b', name: 'reconciliation', labels: labels('lionbank', 'transactions') }, { uuid: 'c', name: 'reconciliation' }], 'r.html');
    expect([...links.values()]).toEqual([`r.html#/${createHash('md5').update('a').digest('hex')}`, `r.html#/${createHash('md5').update('b').digest('hex')}`]);
  });
});
