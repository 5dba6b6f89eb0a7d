import { describe, expect, it } from 'vitest';
import type { Partner } from '../../partner/index.ts';
import { scenarioChecks } from './scenario-checks.ts';

/** A partner whose one scenario awaits a webhook matched by `match`. */
function awaiting(match: Record<string, unknown> | undefined): Partner {
  const steps = [{ action: 'await-webhook', 'await-webhook': 'payout.status_changed', ...(match && { match }), loc: { file: 's.yaml', line: 1, col: 1 } }];
  return { scenarios: [{ name: 's', file: 's.yaml', family: 'scenarios', severity: 'critical', tags: [], steps }], contract: { operations: new Map() } } as unknown as Partner;
}

describe('a scenario awaiting a webhook', () => {
  it.each([
    [{ '/data/id': '${payoutId}' }, true],
    [{ '/data/reference': 'RG-${seq}', '/data/status': 'COMPLETED' }, true],
    [{ '/data/id': '${create.body.id}' }, true],
    [{ '/data/idem': '${uuid}' }, true],
    [{ '/data/status': 'COMPLETED' }, false],
    [{ '/data/merchant': '${env.MERCHANT_ID}' }, false],
    [{ '/data/at': '${now}' }, false],
    [undefined, false],
  ])('matched by %j runs beside others: %s', (match, beside) => {
    expect(scenarioChecks(awaiting(match))[0]?.independent).toBe(beside);
  });
});
