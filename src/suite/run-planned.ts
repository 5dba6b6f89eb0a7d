import { CheckFailure, CheckSkipped, RateLimited, inCheckScope, outsideAnyCheck } from '../checks/index.ts';
import type { Check, ReportSink } from '../checks/index.ts';
import type { Rng } from '../random/index.ts';
import type { Exchange } from '../http/index.ts';
import type { Partner } from '../partner/index.ts';
import type { ReadinessEvidence } from '../readiness/index.ts';
import { redactFailure } from '../redact/index.ts';
import { executeScenario } from '../scenario/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { openSession } from '../session/index.ts';
import type { Session } from '../session/index.ts';
import { withAnswerFindings } from './answer-findings.ts';
import { holdBetweenChecks } from './between-checks.ts';
import type { CheckTime } from './between-checks.ts';
import { exercisedBy } from './exercised.ts';
import { watchReceiverOverflow } from './receiver-overflow.ts';
import { boundSpec, startRunBound } from './run-bound.ts';
import type { RunBound } from './run-bound.ts';
import { runCheck } from './run-check.ts';
import { CHECK_TIMEOUT_MS, checkConcurrency } from './run-config.ts';
import type { CheckMeta, RunConfig } from './run-config.ts';
import { checkGate, runsBeside } from './check-gate.ts';
import type { CheckGate } from './check-gate.ts';

/** Where a partner's checks run: its session, the clock held between checks, the run's overall bound, who runs beside whom. */
export interface CheckTarget {
  session: Session;
  time: CheckTime;
  bound: RunBound;
  gate: CheckGate;
}

const BLOCKER_FAMILIES = new Set(['auth', 'idempotency']);

/**
 * Opens a partner's target as `railgate run` does, its bound first: the run's overall bound
 * (docs/decisions/run-bound.md) counts from here, and what is still running when it is reached ends, reported
 * not finished.
 */
export async function openTarget(partner: Partner, config: Pick<RunConfig, 'env' | 'seed' | 'defects' | 'maxTime' | 'allowProduction' | 'concurrency'> & { partial?: boolean }, report: ReportSink, print?: (text: string) => void): Promise<CheckTarget> {
  const bound = startRunBound(boundSpec(partner.profile, config.env, config.maxTime));
  const session = await openSession(partner, {
    signal: bound.signal,
    env: config.env,
    seed: config.seed,
    defects: config.defects,
    report,
    print,
    allowProduction: config.allowProduction === true,
    ...(config.partial && { partial: true }),
  });
  return { session, time: holdBetweenChecks(session.ctx.clock), bound, gate: checkGate(checkConcurrency(partner.profile, config)) };
}

/**
 * The profile's setup (registering railgate's receiver, say), once before any check of the partner. Resolves
 * with its failure, redacted, which every check of the partner then reports as its own; undefined when it ran.
 */
export async function runSetup(target: CheckTarget, setup: Scenario): Promise<unknown> {
  let failed: unknown;
  const { ctx } = target.session;
  await target.time.run(() => target.bound.race('the setup', () => executeScenario(ctx, setup))).catch((e: unknown) => (failed = redactFailure(e)));
  return failed;
}

/** What every report of a check carries: its partner, family, name, severity (auth and idempotency are blockers), rails, scenario. */
/** Scenario tags the verdict holds to: every smoke and test-transaction scenario must pass for GO. */
const LAUNCH_TAGS = ['smoke', 'test-transaction'];

export function checkMeta(partnerId: string, rails: string[], check: Check): CheckMeta {
  const severity = BLOCKER_FAMILIES.has(check.family) ? 'blocker' : check.severity;
  const launch = check.tags.filter((t) => LAUNCH_TAGS.includes(t));
  return { partner: partnerId, family: check.family, check: check.name, severity, rails, scenario: check.scenario, ...(check.rail && { rail: check.rail }), ...(launch.length > 0 && { launch }) };
}

/** How a check ended: passed, with its evidence, or with the error that ended it (redacted); and what it exercised. */
export type CheckEnd = ({ passed: true } | { passed: false; error: unknown }) & {
  /** What the check measured: its own, or what a CheckFailure carried. */
  evidence?: ReadinessEvidence;
  /** The operations it called that the partner answered, and how fast; absent when it never reached the target. */
  exercised?: Pick<CheckMeta, 'operations' | 'latency' | 'untimed'>;
};

/**
 * One check as a run runs it: on its partner's target (rejected: the setup failed, with that failure), in its own
 * scope (its random stream and its exchanges: src/checks/scope.ts), beside others or alone as it declares (the
 * target's gate), on the clock, inside the run's bound, held to what its answers prove by themselves
 * (answer-findings.ts), with the receiver's refusals reported. Never throws: how it ended is the caller's to report
 * (a vitest test, or the in-process runner of the project's tests).
 */
export async function runPlannedCheck(check: Check, target: () => Promise<CheckTarget | undefined>, where: { partnerId: string; env: RunConfig['env'] }): Promise<CheckEnd> {
  let last: Attempted | undefined;
  let end: CheckEnd;
  try {
    // Inside the try: a setup step's CheckFailure keeps its kind (a partner defect stays one).
    const s = await target();
    if (!s) throw new CheckFailure(`the ${where.env} target for ${where.partnerId} did not start`, { kind: 'configuration' });
    const { ctx } = s.session;
    const overflow = watchReceiverOverflow(ctx);
    const run = async (): Promise<void | ReadinessEvidence> => {
      if (!runsBeside(check, s.gate.limit)) return (last = await attemptIn(ctx.rng, 1, s, check, (work) => s.gate.alone(work))).outcome();
      const first = (last = await attemptIn(ctx.rng, 1, s, check, (work) => s.gate.shared(work)));
      const limited = first.exchanges.filter(rateLimited);
      if (limited.length === 0 && !(first.error instanceof RateLimited)) return first.outcome();
      // A 429 it asked for (a rate-limit trigger) is its own, when the attempt passed on it.
      if (check.provokes429 === true && first.error === undefined) return first.outcome();
      // The partner answered 429 while others ran beside this check (to its own requests, or to a token it needed):
      // the limit may be theirs, so whatever this attempt concluded (a pass on a 429 included) is not the partner's
      // answer to this check alone.
      const which = limited.length > 0 ? `exchange${limited.length > 1 ? 's' : ''} ${limited.map((x) => `#${x.seq}`).join(', ')}` : 'a request it needed';
      const said = `${which} answered 429 while up to ${s.gate.limit} checks ran side by side; this attempt ${first.error === undefined ? 'passed' : `ended with: ${first.error instanceof Error ? first.error.message : String(first.error)}`}`;
      await ctx.report.attach('rate-limited beside other checks: the check runs once more, alone', said, 'text/plain');
      return (last = await attemptIn(first.rng, 2, s, check, (work) => s.gate.alone(work))).outcome();
    };
    const evidence = await run().finally(overflow);
    end = { passed: true, ...(evidence && { evidence }) };
  } catch (e) {
    end = { passed: false, error: redactFailure(e), ...(e instanceof CheckFailure && e.evidence && { evidence: e.evidence }) };
  }
  // What the check exercised, whatever its outcome: the operations its last attempt called that the partner answered, and how fast.
  if (last) end.exercised = exercisedBy(last.exchanges, last.injected);
  return end;
}

/** One attempt of a check, ended: what it made, whether it had faults injected, and how it ended. */
interface Attempted {
  exchanges: readonly Exchange[];
  injected: boolean;
  rng: Rng;
  error?: unknown;
  outcome(): Promise<void | ReadinessEvidence>;
}

/**
 * One attempt of the check's body in a scope of its own (its stream, its exchanges, its faults), let in by the gate,
 * on the clock, inside the run's bound and its own time limit, counted from when the gate let it in (waiting for the
 * others is no part of it). Past its limit the attempt has failed, but it keeps its place at the gate until its body
 * has ended (or the run's bound ends it): no check that must run alone, and no second attempt, runs beside a body
 * still sending. Its faults go with it when it ends.
 */
async function attemptIn(rng: Rng, n: number, s: CheckTarget, check: Check, gate: <T>(work: () => Promise<T>) => Promise<T>): Promise<Attempted> {
  const { ctx } = s.session;
  return inCheckScope(
    rng,
    check,
    async (scope) => {
      let result: { ok: true; value: void | ReadinessEvidence } | { ok: false; error: unknown };
      try {
        let decided: Promise<void | ReadinessEvidence> | undefined;
        await gate(async () => {
          const running = s.time.run(() => s.bound.race('this check', () => withAnswerFindings(() => scope.exchanges, () => runCheck(check, ctx))));
          decided = withinCheckTime(running);
          // Read after the body has ended: marked handled now, so an early failure is no unhandled rejection meanwhile.
          decided.catch(() => undefined);
          await running.catch(() => undefined);
        });
        result = { ok: true, value: await decided! };
      } catch (error) {
        result = { ok: false, error };
      }
      // Unused rules (a scenario's fault that never fired) go with the attempt; what it injected is read from its own
      // requests, whatever it cleared meanwhile.
      ctx.faults.clear();
      const injected = outsideAnyCheck(() => ctx.faults.log.some((e) => e.check === scope.id && e.outcome !== 'forwarded'));
      return {
        exchanges: scope.exchanges,
        injected,
        rng: scope.rng,
        ...(!result.ok && { error: result.error }),
        outcome: () => (result.ok ? Promise.resolve(result.value) : Promise.reject(result.error)),
      };
    },
    n,
  );
}

/** The attempt's outcome, or a failure once it has run CHECK_TIMEOUT_MS (real time): railgate's limit, the check broken. */
function withinCheckTime<T>(running: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the check did not end within ${CHECK_TIMEOUT_MS / 1000} s of its start`)), CHECK_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([running, late]).finally(() => clearTimeout(timer));
}

/** The partner's own 429 (the fault layer's made-up answers never reach the ledger, hence never a check's scope). */
function rateLimited(e: Exchange): boolean {
  return e.response?.status === 429;
}

/**
 * The meta a check's reports read after it ended. Only a CheckFailure carries a kind (and may carry evidence);
 * a skip carries neither; anything else thrown is a crash, reported broken (src/run/collect-outcomes.ts).
 */
export function endedMeta(meta: CheckMeta, end: CheckEnd): CheckMeta {
  const failure = !end.passed && end.error instanceof CheckFailure ? end.error : undefined;
  const evidence = end.passed || failure ? end.evidence : undefined;
  return { ...meta, ...(failure && { failureKind: failure.kind }), ...(evidence && { evidence }), ...end.exercised };
}

/** A check skipped on purpose (it could not run here): its note is the reason a report gives. */
export function skipNote(end: CheckEnd): string | undefined {
  return !end.passed && end.error instanceof CheckSkipped ? end.error.message : undefined;
}
