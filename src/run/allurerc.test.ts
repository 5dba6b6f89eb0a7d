import { readFileSync } from 'node:fs';
import { matchCategory, normalizeCategoriesConfig } from '@allurereport/core-api';
import { getStatusFromError } from 'allure-js-commons/sdk';
import { describe, expect, it } from 'vitest';
import { CheckFailure } from '../checks/model.ts';

// What the Allure report shows for each way a check ends: the status allure-vitest gives the error (as vitest
// hands it over: a plain object with name, message and stack), then the category allurerc.json puts it in.
const config = JSON.parse(readFileSync(new URL('./allurerc.json', import.meta.url), 'utf8')) as { categories: Parameters<typeof normalizeCategoriesConfig>[0] };
const categories = normalizeCategoriesConfig(config.categories);

function shown(error: Error): { status: string; category: string | undefined } {
  const serialized = { name: error.name, message: error.message, stack: error.stack };
  const status = getStatusFromError(serialized as Error);
  return { status, category: matchCategory(categories, { status, labels: [], flaky: false, message: error.message, trace: error.stack })?.name };
}

describe('Allure status and category', () => {
  it('shows partner findings as failed, in their own categories', () => {
    expect(shown(new CheckFailure('the partner answered 500'))).toEqual({ status: 'failed', category: 'Partner defects' });
    expect(shown(new CheckFailure('body /amount must be integer', { kind: 'contract-drift' }))).toEqual({ status: 'failed', category: 'Contract drift' });
  });

  it('shows railgate trouble as broken, never as a partner defect', () => {
    expect(shown(new CheckFailure("railgate's own event loop was 900 ms late during this check", { kind: 'harness-timing' }))).toEqual({ status: 'broken', category: 'railgate could not judge' });
    expect(shown(new TypeError("Cannot read properties of undefined (reading 'x')"))).toEqual({ status: 'broken', category: 'railgate could not judge' });
    expect(shown(new Error('Test timed out in 120000ms.'))).toEqual({ status: 'broken', category: 'railgate could not judge' });
    expect(shown(new CheckFailure('the trigger did not fire', { kind: 'configuration' }))).toEqual({ status: 'broken', category: 'Harness configuration errors' });
  });

  it('keeps a crash that allure takes for an assertion (its message says assert) out of the partner categories', () => {
    expect(shown(new Error('internal assertion: no session'))).toEqual({ status: 'failed', category: 'railgate could not judge' });
  });
});
