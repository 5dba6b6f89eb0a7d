import type { TestCase, TestModule } from 'vitest/node';
import type { Reporter } from 'vitest/reporters';
import type { CheckOutcome } from '../readiness/index.ts';
import '../suite/run-config.ts';

/** A vitest reporter that turns the generated tests' results into check outcomes for the readiness verdict. */
export class OutcomeCollector implements Reporter {
  readonly outcomes: CheckOutcome[] = [];
  readonly errors: string[] = [];

  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<{ message?: string }>): void {
    for (const m of modules) {
      for (const e of m.errors()) this.errors.push(e.message);
      for (const t of m.children.allTests()) {
        const o = toOutcome(t);
        if (o) this.outcomes.push(o);
      }
    }
    for (const e of errors) this.errors.push(e.message ?? String(e));
  }
}

function toOutcome(t: TestCase): CheckOutcome | undefined {
  const meta = t.meta().railgate;
  if (!meta) return undefined;
  const r = t.result();
  const status = r.state === 'passed' ? 'passed' : r.state === 'failed' ? 'failed' : 'skipped';
  const reason = r.state === 'failed' ? r.errors[0]?.message : r.state === 'skipped' ? r.note : undefined;
  return {
    partner: meta.partner,
    family: meta.family,
    name: meta.check,
    status,
    severity: meta.severity,
    scenario: meta.scenario,
    reason,
    failureKind: meta.failureKind,
    ...(meta.evidence && { evidence: meta.evidence }),
    durationMs: t.diagnostic()?.duration ?? 0,
  };
}
