import type { TestCase, TestModule } from 'vitest/node';
import type { Reporter } from 'vitest/reporters';
import { isPartnerFinding } from '../checks/model.ts';
import type { CheckOutcome, CheckStatus } from '../readiness/index.ts';
import type { CheckMeta } from '../suite/run-config.ts';

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

/** A finished generated test as a check outcome; undefined for a test that is not a check (the partner's setup). */
export function toOutcome(t: TestCase): CheckOutcome | undefined {
  const meta = t.meta().railgate;
  if (!meta) return undefined;
  const r = t.result();
  return outcomeOf(meta, { state: r.state, error: r.state === 'failed' ? r.errors[0] : undefined, note: r.state === 'skipped' ? r.note : undefined, setupError: suiteError(t) }, t.diagnostic()?.duration ?? 0);
}

/** A check's outcome from the meta its run left (what it exercised, its failure's kind) and how it ended. */
export function outcomeOf(meta: CheckMeta, ended: Omit<TestVerdictInput, 'failureKind'>, durationMs: number): CheckOutcome {
  const judged = classify({ ...ended, failureKind: meta.failureKind });
  return {
    partner: meta.partner,
    family: meta.family,
    name: meta.check,
    ...judged,
    severity: meta.severity,
    scenario: meta.scenario,
    failureKind: meta.failureKind,
    ...(meta.evidence && { evidence: meta.evidence }),
    ...(meta.operations && { operations: meta.operations }),
    ...(meta.latency && { latency: meta.latency }),
    ...(meta.untimed && { untimed: meta.untimed }),
    ...(meta.launch && { launch: meta.launch }),
    ...(meta.rail && { rail: meta.rail }),
    durationMs,
  };
}

/** What a finished test says, as the reporter sees it: its state, first error or skip note, and its suites' errors. */
export interface TestVerdictInput {
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  error?: { name?: string; message?: string };
  note?: string;
  /** The CheckFailure kind the suite put in the test's meta; none when something else was thrown. */
  failureKind?: string;
  /** An error of an enclosing suite (its beforeAll: the session could not start). */
  setupError?: { name?: string; message?: string };
}

/**
 * A failure is the partner's only when the check threw a CheckFailure of a partner-finding kind. Anything
 * else that ended a check — a crash in railgate's code, vitest's own test timeout, a configuration or
 * harness-timing failure — and a check that never ran because its session did not start, is broken.
 */
export function classify(input: TestVerdictInput): { status: CheckStatus; reason?: string } {
  if (input.state === 'passed') return { status: 'passed' };
  if (input.state === 'failed') {
    if (isFinding(input)) return { status: 'failed', reason: input.error?.message };
    return { status: 'broken', reason: brokenReason(input.error, input.failureKind) };
  }
  // A check skipped on purpose says why; one vitest skipped because a beforeAll threw never ran at all.
  if (input.note === undefined && input.setupError) return { status: 'broken', reason: `the session could not start: ${brokenReason(input.setupError, undefined)}` };
  return { status: 'skipped', reason: input.note };
}

/**
 * The kind in the meta and the one in the error's message must agree: the meta alone could come from a check
 * that went on after vitest timed it out, and a timeout is not a finding.
 */
function isFinding(input: TestVerdictInput): boolean {
  return isPartnerFinding(input.failureKind) && input.error?.message?.includes(`[${input.failureKind}]`) === true;
}

/** First line only, no stack; a crash is named by its error class (TypeError …), a CheckFailure by the kind in its message. */
function brokenReason(error: { name?: string; message?: string } | undefined, failureKind: string | undefined): string {
  const line = (error?.message ?? 'no error message').split('\n')[0] ?? '';
  return failureKind === undefined ? `${error?.name ?? 'Error'}: ${line}` : line;
}

/** The first error of a suite enclosing the test (a failed beforeAll), innermost first. */
function suiteError(t: TestCase): { name?: string; message?: string } | undefined {
  for (let s = t.parent; s.type === 'suite'; s = s.parent) {
    const [e] = s.errors();
    if (e) return e;
  }
  return undefined;
}
