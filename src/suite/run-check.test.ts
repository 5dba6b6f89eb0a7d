import { describe, expect, it } from 'vitest';
import { CheckFailure } from '../checks/index.ts';
import type { Check, CheckContext, FailureKind } from '../checks/index.ts';
import { runCheck } from './run-check.ts';

const late = () => new CheckFailure("railgate's own event loop was 900 ms late during this check", { kind: 'harness-timing' });
const finding = (kind: FailureKind) => new CheckFailure('the partner answered 500', { kind });

/** A check whose runs end as given, in turn; it counts its runs. The context only records attachments. */
function scripted(...runs: Array<CheckFailure | Error | undefined>): { check: Check; ctx: CheckContext; runs: () => number; attached: string[] } {
  let n = 0;
  const attached: string[] = [];
  const check: Check = {
    name: 'c',
    family: 'retry',
    severity: 'critical',
    tags: [],
    destructive: false,
    async run() {
      const end = runs[n++];
      if (end) throw end;
    },
  };
  const ctx = { report: { attach: async (name: string) => void attached.push(name) } } as unknown as CheckContext;
  return { check, ctx, runs: () => n, attached };
}

describe('runCheck', () => {
  it('runs a check railgate could not time once more, and the second run is the outcome', async () => {
    const s = scripted(late(), undefined);
    await expect(runCheck(s.check, s.ctx)).resolves.toBeUndefined();
    expect(s.runs()).toBe(2);
    expect(s.attached).toEqual(['railgate was late: the check runs once more']);
  });

  it('reports harness-timing when railgate was late twice (broken), never more than one retry', async () => {
    const s = scripted(late(), late(), undefined);
    await expect(runCheck(s.check, s.ctx)).rejects.toMatchObject({ kind: 'harness-timing' });
    expect(s.runs()).toBe(2);
  });

  it('gives whatever else the second run found: a partner defect stands', async () => {
    const s = scripted(late(), finding('partner-defect'));
    await expect(runCheck(s.check, s.ctx)).rejects.toMatchObject({ kind: 'partner-defect' });
  });

  it('does not run again a check that failed on the partner or crashed', async () => {
    for (const end of [finding('partner-defect'), finding('configuration'), new TypeError('x is undefined')]) {
      const s = scripted(end, undefined);
      await expect(runCheck(s.check, s.ctx)).rejects.toBe(end);
      expect(s.runs()).toBe(1);
    }
  });
});
