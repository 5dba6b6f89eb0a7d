import { planPartner } from '../../src/checks/index.ts';
import type { Check, ReportSink } from '../../src/checks/index.ts';
import type { Exchange } from '../../src/http/index.ts';
import type { Partner } from '../../src/partner/index.ts';
import type { EnvironmentName, Family } from '../../src/profile/index.ts';
import type { CheckOutcome, Readiness } from '../../src/readiness/index.ts';
import { outcomeOf } from '../../src/run/collect-outcomes.ts';
import type { TestVerdictInput } from '../../src/run/collect-outcomes.ts';
import { isPartialRun, judgePartner } from '../../src/run/judge-partner.ts';
import { setupScenario } from '../../src/scenario/index.ts';
import { withPlantedCrash } from '../../src/suite/planted-crash.ts';
import { runsBeside } from '../../src/suite/check-gate.ts';
import { checkMeta, endedMeta, openTarget, runPlannedCheck, runSetup, skipNote } from '../../src/suite/run-planned.ts';
import type { CheckEnd, CheckTarget } from '../../src/suite/run-planned.ts';

export interface InProcessOutcome {
  name: string;
  status: 'passed' | 'failed' | 'skipped' | 'broken';
  reason?: string;
  /** operationIds the check called and the partner answered. */
  operations: string[];
  /** A static rule of the contract document: its findings are the contract's own, not about any answer. */
  static: boolean;
}

export interface InProcessRun {
  outcomes: InProcessOutcome[];
  /** Every exchange of the session, the setup's included. */
  exchanges: readonly Exchange[];
  /** The readiness `railgate run` writes for the same selection, judged on the same outcomes by the same rules. */
  readiness: Readiness;
  /** The check (`<family> <name>`) that made an exchange. */
  madeBy(e: Exchange): string | undefined;
  /** The most checks whose bodies ran at one time. */
  mostAtOnce: number;
}

const quiet: ReportSink = { step: (_name, fn) => fn(), attach: async () => {} };

/**
 * A partner's selected families against the embedded simulator, in process: the target, setup, check runner
 * and verdict of `railgate run` (src/suite/run-planned.ts, src/run/judge-partner.ts), without vitest and the
 * report writers (proven by the CLI tests, and test/in-process-verdicts.test.ts compares the two). Fast enough
 * to drive large contracts and every planted defect in `npm test`. One family selected is a partial run, as
 * `--family` makes it. Returns each check's outcome, every exchange of the session and the readiness.
 */
export async function runInProcess(partner: Partner, opts: { families: Family[]; seed: number; defects?: string[]; maxCases?: number; checks?: RegExp; env?: EnvironmentName; concurrency?: number; report?: ReportSink }): Promise<InProcessRun> {
  const config = { env: opts.env ?? ('simulator' as const), seed: opts.seed, defects: opts.defects ?? [], ...(opts.maxCases !== undefined && { maxCases: opts.maxCases }), ...(opts.concurrency !== undefined && { concurrency: opts.concurrency }) };
  const all = planPartner(partner, config);
  // `checks` keeps only the checks whose name matches, as `railgate run --grep` would: a partial run.
  const planned = all.families.filter((f) => opts.families.includes(f.family)).flatMap((f) => f.checks).filter((c) => !opts.checks || opts.checks.test(c.name));
  // `--family` selects one family; several selected leave checks out when some planned family is not among them.
  const partial = isPartialRun({ family: opts.families.length === 1 ? opts.families[0] : undefined }) || all.families.some((f) => !opts.families.includes(f.family)) || opts.checks !== undefined;
  const crashed = new Set<string>();
  let running = 0;
  let mostAtOnce = 0;
  const counted = (c: Check): Check => ({
    ...c,
    async run(ctx) {
      mostAtOnce = Math.max(mostAtOnce, ++running);
      try {
        return await c.run(ctx);
      } finally {
        running--;
      }
    },
  });
  const checks = planned.map((c) => counted(withPlantedCrash(config.defects, partner.id, c, crashed)));
  const outcomes: CheckOutcome[] = [];
  let target: CheckTarget | undefined;
  try {
    target = await openTarget(partner, { ...config, partial }, opts.report ?? quiet);
  } catch (e) {
    // As vitest reports the checks of a suite whose beforeAll threw: never run, each broken with the session's error.
    for (const check of checks) outcomes.push(outcomeOf(checkMeta(partner.id, partner.profile.rails, check), { state: 'skipped', setupError: errorShape(e) }, 0));
    return { outcomes: inProcessOutcomes(outcomes, checks), exchanges: [], readiness: judgePartner(partner, { ...config, partial }, outcomes), madeBy: () => undefined, mostAtOnce };
  }
  try {
    const setup = setupScenario(partner);
    const setupFailed = setup ? await runSetup(target, setup) : undefined;
    const t = target;
    const one = async (check: Check): Promise<CheckOutcome> => {
      const t0 = performance.now();
      const end = await runPlannedCheck(check, () => (setupFailed ? Promise.reject(setupFailed) : Promise.resolve(t)), { partnerId: partner.id, env: config.env });
      return outcomeOf(endedMeta(checkMeta(partner.id, partner.profile.rails, check), end), ended(end), performance.now() - t0);
    };
    // As the generated suites run them: consecutive independent checks of a family together (the target's gate
    // lets its concurrency of them run), any other check alone between such groups.
    for (const group of besideGroups(checks, t.gate.limit)) outcomes.push(...(await Promise.all(group.map(one))));
    const { ledger } = target.session.ctx;
    return { outcomes: inProcessOutcomes(outcomes, checks), exchanges: ledger.entries(), readiness: judgePartner(partner, { ...config, partial }, outcomes), madeBy: (e) => ledger.madeBy(e), mostAtOnce };
  } finally {
    await target.session.close();
  }
}

/** Checks in run order, cut where the family changes or a check must run alone: each group's checks start together. */
function besideGroups(checks: readonly Check[], limit: number): Check[][] {
  const groups: Check[][] = [];
  let open = false;
  for (const check of checks) {
    const beside = runsBeside(check, limit);
    if (beside && open && groups.at(-1)![0]!.family === check.family) groups.at(-1)!.push(check);
    else groups.push([check]);
    open = beside;
  }
  return groups;
}

/** How a check's test ends in the suite (src/suite/partners.suite.ts): passed, skipped with its note, or failed with what it threw. */
function ended(end: CheckEnd): Omit<TestVerdictInput, 'failureKind'> {
  if (end.passed) return { state: 'passed' };
  const note = skipNote(end);
  return note !== undefined ? { state: 'skipped', note } : { state: 'failed', error: errorShape(end.error) };
}

/** A thrown value as vitest hands it to reporters: its class name and message. */
function errorShape(e: unknown): { name?: string; message?: string } {
  return e instanceof Error ? { name: e.name, message: e.message } : { message: String(e) };
}

function inProcessOutcomes(outcomes: readonly CheckOutcome[], checks: ReadonlyArray<{ tags: string[] }>): InProcessOutcome[] {
  return outcomes.map((o, i) => ({ name: o.name, status: o.status, ...(o.reason !== undefined && { reason: o.reason }), operations: o.operations ?? [], static: checks[i]?.tags.includes('static') === true }));
}
