import { describe, expect, it } from 'vitest';
import { findings } from '../readiness/index.ts';
import type { CheckOutcome } from '../readiness/index.ts';
import { consoleMode, familyLine, findingLines, progressLine } from './console-lines.ts';

const o = (name: string, status: CheckOutcome['status'], reason?: string): CheckOutcome => ({ partner: 'pixpay', family: 'auth', name, status, severity: 'normal', durationMs: 300, ...(reason && { reason }) });

describe('consoleMode', () => {
  it('is live with colour on a terminal only; plain in CI, to a file, or with NO_COLOR without colour', () => {
    expect(consoleMode({}, true)).toEqual({ live: true, color: true });
    expect(consoleMode({ CI: 'true' }, true)).toEqual({ live: false, color: false });
    expect(consoleMode({}, false)).toEqual({ live: false, color: false });
    expect(consoleMode({ NO_COLOR: '1' }, true)).toEqual({ live: true, color: false });
  });

  it('follows --reporter when given: live in CI (a pipeline that renders a terminal), plain on a terminal', () => {
    expect(consoleMode({ CI: 'true' }, false, 'live')).toEqual({ live: true, color: true });
    expect(consoleMode({}, true, 'plain')).toEqual({ live: false, color: false });
    expect(consoleMode({}, true, 'auto')).toEqual({ live: true, color: true });
  });
});

describe('the run’s lines', () => {
  it('show progress, and one line per family with the counts that matter', () => {
    expect(progressLine({ partners: 3, done: 134, total: 497, failed: 2, broken: 1, elapsedMs: 102_400 })).toBe('railgate · 3 partners · 134/497 checks · 2 failed · 1 broken · 1:42');
    expect(progressLine({ partners: 1, done: 0, total: 12, failed: 0, broken: 0, elapsedMs: 0 })).toBe('railgate · 1 partner · 0/12 checks · 0 failed · 0:00');
    expect(familyLine('pixpay', 'auth', [o('a', 'passed'), o('b', 'failed'), o('c', 'skipped')], 900)).toBe('pixpay       auth          1 passed · 1 failed · 1 skipped  (0.9 s)');
  });

  it('tell a failure in full, and the same reason once for the checks that share it, with their count', () => {
    const found = findings([o('a', 'failed', '[partner-defect] answered 500\n  at step 2'), o('b', 'broken', 'TypeError: x'), o('c', 'failed', '[partner-defect] answered 500\n  at step 2')], ['failed', 'broken']);
    expect(found.flatMap((f) => findingLines(f))).toEqual([
      'FAILED  pixpay › auth › 2 checks, the same reason:',
      '        - a',
      '        - c',
      '        [partner-defect] answered 500',
      '          at step 2',
      '',
      'BROKEN  pixpay › auth › b',
      '        railgate could not judge this check (not the partner’s fault):',
      '        TypeError: x',
      '',
    ]);
  });
});
