import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';
import { OutcomeCollector, classify } from './collect-outcomes.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = 'test/fixtures/outcomes/outcomes.fixture.ts';

describe('classify', () => {
  it('is failed only for a CheckFailure of a partner-finding kind, with the whole message', () => {
    const error = { name: 'CheckAssertionError', message: '[partner-defect] the partner answered 500\nattempt 1: 500' };
    expect(classify({ state: 'failed', error, failureKind: 'partner-defect' })).toEqual({ status: 'failed', reason: error.message });
    expect(classify({ state: 'failed', error: { message: '[contract-drift] drift' }, failureKind: 'contract-drift' }).status).toBe('failed');
  });

  it('is broken for configuration and harness-timing failures, keeping their first line', () => {
    expect(classify({ state: 'failed', error: { name: 'ConfigurationError', message: 'profile.yaml:3:5  [configuration] no trigger\nmore' }, failureKind: 'configuration' })).toEqual({
      status: 'broken',
      reason: 'profile.yaml:3:5  [configuration] no trigger',
    });
    expect(classify({ state: 'failed', error: { name: 'HarnessTimingError', message: "[harness-timing] railgate's own event loop was 900 ms late" }, failureKind: 'harness-timing' }).status).toBe('broken');
  });

  it('is broken for a crash or a vitest timeout, named by the error class, first line only', () => {
    expect(classify({ state: 'failed', error: { name: 'TypeError', message: "Cannot read properties of undefined (reading 'x')" } })).toEqual({ status: 'broken', reason: "TypeError: Cannot read properties of undefined (reading 'x')" });
    expect(classify({ state: 'failed', error: { name: 'Error', message: 'Test timed out in 50ms.\nIf this is a long-running test…' } })).toEqual({ status: 'broken', reason: 'Error: Test timed out in 50ms.' });
  });

  it('does not take a partner kind in the meta for a finding when the error is another (a timeout the body outlived)', () => {
    expect(classify({ state: 'failed', error: { name: 'Error', message: 'Test timed out in 50ms.' }, failureKind: 'partner-defect' }).status).toBe('broken');
  });

  it('is broken for a check that never ran because its session did not start, skipped for one skipped on purpose', () => {
    const setupError = { name: 'Error', message: 'the simulator could not listen\n    at listen' };
    expect(classify({ state: 'skipped', setupError })).toEqual({ status: 'broken', reason: 'the session could not start: Error: the simulator could not listen' });
    expect(classify({ state: 'skipped', note: 'no sandbox', setupError })).toEqual({ status: 'skipped', reason: 'no sandbox' });
    expect(classify({ state: 'skipped', note: 'no sandbox' })).toEqual({ status: 'skipped', reason: 'no sandbox' });
    expect(classify({ state: 'passed' })).toEqual({ status: 'passed' });
  });
});

describe('OutcomeCollector', () => {
  it('tells partner findings from railgate trouble in a real vitest run', async () => {
    const collector = new OutcomeCollector();
    const vitest = await startVitest('test', [], { config: false, root: REPO, include: [FIXTURE], watch: false, pool: 'forks', reporters: [collector] }, {});
    await vitest.close();
    const byName = Object.fromEntries(collector.outcomes.map((o) => [o.name, { status: o.status, reason: o.reason?.split('\n')[0] }]));
    expect(byName).toEqual({
      passes: { status: 'passed' },
      'partner defect': { status: 'failed', reason: '[partner-defect] the partner answered 500' },
      'contract drift': { status: 'failed', reason: '[contract-drift] body /amount must be integer' },
      configuration: { status: 'broken', reason: '[configuration] the trigger did not fire' },
      'harness timing': { status: 'broken', reason: "[harness-timing] railgate's own event loop was 900 ms late during this check" },
      crash: { status: 'broken', reason: "TypeError: Cannot read properties of undefined (reading 'field')" },
      'skipped on purpose': { status: 'skipped', reason: 'no sandbox' },
      'times out': { status: 'broken', reason: 'Error: Test timed out in 50ms.' },
      'never ran': { status: 'broken', reason: 'the session could not start: Error: the simulator could not listen' },
    });
    // The whole message of a finding is kept for the report; a broken check keeps its first line only.
    expect(collector.outcomes.find((o) => o.name === 'partner defect')?.reason).toBe('[partner-defect] the partner answered 500\nattempt 1: 500');
    expect(collector.outcomes.find((o) => o.name === 'configuration')?.reason).not.toContain('\n');
  });
});

