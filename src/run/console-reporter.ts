import type { TestCase, TestModule, TestSuite } from 'vitest/node';
import type { Reporter } from 'vitest/reporters';
import { findings } from '../readiness/index.ts';
import type { CheckOutcome, Finding } from '../readiness/index.ts';
import { toOutcome } from './collect-outcomes.ts';
import { familyLine, findingLines, progressLine } from './console-lines.ts';
import type { ConsoleMode } from './console-lines.ts';

const CLEAR_LINE = '\r\x1b[2K';
const COLORS: Record<Finding['status'], string> = { failed: '\x1b[31m', broken: '\x1b[33m', skipped: '\x1b[90m', passed: '\x1b[32m' };

/**
 * What a run prints while vitest runs its checks, in place of vitest's test tree. On a terminal: a progress
 * line redrawn every second (partners, checks done / total, failures so far, elapsed), each family's line
 * and each failure printed as it happens, above it. In CI or to a file: plain lines without colour, one per
 * family per partner as it finishes, then every failure in full, the same reasons grouped. The checks' own
 * console output (`--verbose` exchanges) passes through.
 */
export class ConsoleReporter implements Reporter {
  private readonly outcomes: CheckOutcome[] = [];
  /** Per partner and family, from its first check's start to its last one's end: checks may run side by side. */
  private readonly spans = new Map<string, { from: number; to: number }>();
  private total = 0;
  private partners = 0;
  private started = 0;
  private drawn = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly mode: ConsoleMode,
    private readonly write: (s: string) => void = (s) => process.stdout.write(s),
    private readonly now: () => number = Date.now,
  ) {}

  onInit(): void {
    this.started = this.now();
    if (this.mode.live) this.timer = setInterval(() => this.draw(), 1000).unref();
  }

  onTestModuleCollected(m: TestModule): void {
    this.partners += [...m.children].filter((s) => s.type === 'suite').length;
    this.total += [...m.children.allTests()].filter((t) => t.meta().railgate).length;
    this.draw();
  }

  onTestCaseResult(t: TestCase): void {
    const o = toOutcome(t);
    if (!o) return;
    this.outcomes.push(o);
    const d = t.diagnostic();
    if (d) {
      const key = `${o.partner}\0${o.family}`;
      const span = this.spans.get(key);
      this.spans.set(key, { from: Math.min(span?.from ?? Infinity, d.startTime), to: Math.max(span?.to ?? 0, d.startTime + d.duration) });
    }
    if (this.mode.live && (o.status === 'failed' || o.status === 'broken')) this.print(findingLines({ status: o.status, reason: o.reason ?? 'no reason given', checks: [o] }, this.paint));
    else this.draw();
  }

  /** A family's describe ends (its parent is the partner's): its line. */
  onTestSuiteResult(s: TestSuite): void {
    const partner = s.parent;
    if (partner.type !== 'suite') return;
    const mine = this.outcomes.filter((o) => o.partner === partner.name && o.family === s.name);
    const span = this.spans.get(`${partner.name}\0${s.name}`);
    if (mine.length > 0) this.print([familyLine(partner.name, s.name, mine, span ? span.to - span.from : mine.reduce((ms, o) => ms + o.durationMs, 0))]);
  }

  onUserConsoleLog(log: { content: string; type: 'stdout' | 'stderr' }): void {
    this.clear();
    if (log.type === 'stderr') process.stderr.write(log.content);
    else this.write(log.content);
    this.draw();
  }

  onTestRunEnd(): void {
    if (this.timer) clearInterval(this.timer);
    this.clear();
    if (this.mode.live) {
      this.write(`${progressLine(this.progress())}\n`);
      return;
    }
    const found = findings(this.outcomes, ['failed', 'broken']);
    if (found.length > 0) this.write(`\n${found.flatMap((f) => findingLines(f)).join('\n')}\n`);
  }

  private readonly paint = (s: string, status: Finding['status']): string => (this.mode.color ? `${COLORS[status]}${s}\x1b[0m` : s);

  private progress(): Parameters<typeof progressLine>[0] {
    const count = (s: CheckOutcome['status']): number => this.outcomes.filter((o) => o.status === s).length;
    return { partners: this.partners, done: this.outcomes.length, total: this.total, failed: count('failed'), broken: count('broken'), elapsedMs: this.now() - this.started };
  }

  private print(lines: string[]): void {
    this.clear();
    this.write(lines.map((l) => `${l}\n`).join(''));
    this.draw();
  }

  private draw(): void {
    if (!this.mode.live) return;
    this.write(`${CLEAR_LINE}${progressLine(this.progress())}`);
    this.drawn = true;
  }

  private clear(): void {
    if (!this.drawn) return;
    this.write(CLEAR_LINE);
    this.drawn = false;
  }
}
