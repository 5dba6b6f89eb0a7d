/**
 * The generated partner suites. `railgate run` points vitest at this file; at collection time it loads
 * the selected partners and plans their checks, so vitest's -t and railgate's filters select the same things:
 * describe(partner) > describe(family) > test(check).
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import { CheckFailure, CheckSkipped, planPartner, selectPartners } from '../checks/index.ts';
import type { Check, ExchangeLedger } from '../checks/index.ts';
import type { FaultProxy } from '../faults/index.ts';
import { loadPartners } from '../partner/index.ts';
import { executeScenario, setupScenario } from '../scenario/index.ts';
import { redactFailure } from '../redact/index.ts';
import { openSession } from '../session/index.ts';
import type { Session } from '../session/index.ts';
import { allureSink, labelCheck } from './allure-sink.ts';
import { recordingSink, routedSink } from './recorded-steps.ts';
import { holdBetweenChecks } from './between-checks.ts';
import type { CheckTime } from './between-checks.ts';
import { withPlantedCrash } from './planted-crash.ts';
import { exercisedBy, injectedSince } from './exercised.ts';
import { decodeRunConfig } from './run-config.ts';
import { runCheck } from './run-check.ts';
import { withAnswerFindings } from './answer-findings.ts';
import { boundSpec, startRunBound } from './run-bound.ts';
import { watchReceiverOverflow } from './receiver-overflow.ts';
import type { RunBound } from './run-bound.ts';

const config = decodeRunConfig(process.env);
const partners = selectPartners(await loadPartners(config.root, config.partner), config);

const BLOCKER_FAMILIES = new Set(['auth', 'idempotency']);

for (const partner of partners) {
  const plan = planPartner(partner, config);
  if (plan.families.length === 0) continue;
  describe(partner.id, () => {
    let session: Session | undefined;
    let time: CheckTime | undefined;
    let bound: RunBound | undefined;
    let setupFailed: unknown;
    const setup = setupScenario(partner);
    const report = routedSink(allureSink);
    const setupSteps = recordingSink();
    beforeAll(async () => {
      // The run's overall bound (docs/decisions/run-bound.md): what is still running then ends, reported not finished.
      bound = startRunBound(boundSpec(partner.profile, config.env, config.maxTime));
      session = await openSession(partner, {
        signal: bound.signal,
        env: config.env,
        seed: config.seed,
        defects: config.defects,
        report: report.sink,
        print: config.verbose ? (t) => console.log(t) : undefined,
        allowProduction: config.allowProduction === true,
      });
      time = holdBetweenChecks(session.ctx.clock);
      // The profile's setup (registering railgate's receiver, say) runs once, before any check of the partner.
      // Its failure fails every check (a throw here would only skip them, and skipped must never read as GO).
      // Its steps are recorded, then shown by the setup test below, not spread into every test's report.
      if (!setup) return;
      report.route(setupSteps.sink);
      const ctx = session.ctx;
      const b = bound;
      await time.run(() => b.race('the setup', () => executeScenario(ctx, setup))).catch((e: unknown) => (setupFailed = redactFailure(e)));
      report.route(allureSink);
    });
    afterAll(async () => {
      await session?.close();
    });
    if (setup) {
      // What the setup did, for the reviewer: not a check (no verdict of its own), but its failure is every check's.
      test(setup.title, async () => {
        await labelCheck({ partner: partner.id, family: 'setup', rails: partner.profile.rails, story: setup.title, severity: 'blocker', env: config.env, tags: ['setup'] });
        await setupSteps.replay(allureSink);
        if (setupFailed) throw setupFailed;
      });
    }
    for (const { family, checks } of plan.families) {
      describe(family, () => {
        for (const check of checks) defineCheck(partner.id, partner.profile.rails, check, () => (setupFailed ? Promise.reject(setupFailed) : Promise.resolve(session && time && bound && { session, time, bound })));
      });
    }
  });
}

function defineCheck(partnerId: string, rails: string[], planned: Check, session: () => Promise<{ session: Session; time: CheckTime; bound: RunBound } | undefined>): void {
  const check = withPlantedCrash(config.defects, partnerId, planned);
  const severity = BLOCKER_FAMILIES.has(check.family) ? 'blocker' : check.severity;
  const meta = { partner: partnerId, family: check.family, check: check.name, severity, rails, scenario: check.scenario };
  test(check.name, { meta: { railgate: meta } }, async (t) => {
    await labelCheck({ partner: partnerId, family: check.family, rails, story: check.scenario ?? check.name, severity, env: config.env, tags: check.tags });
    let seen: { ledger: ExchangeLedger; mark: number; faults: FaultProxy; faultMark: number } | undefined;
    try {
      // Inside the try: a setup step's CheckFailure keeps its kind (a partner defect stays one).
      const s = await session();
      if (!s) throw new CheckFailure(`the ${config.env} target for ${partnerId} did not start`, { kind: 'configuration' });
      const { ctx } = s.session;
      seen = { ledger: ctx.ledger, mark: ctx.ledger.size, faults: ctx.faults, faultMark: ctx.faults.log.length };
      const mark = ctx.ledger.size;
      const overflow = watchReceiverOverflow(ctx);
      const evidence = await s.time.run(() => s.bound.race('this check', () => withAnswerFindings(() => ctx.ledger.entries().slice(mark), () => runCheck(check, ctx)))).finally(overflow);
      // Meta is how a worker's result reaches the main process's reporters (collect-outcomes.ts).
      if (evidence) t.task.meta.railgate = { ...meta, evidence };
    } catch (e) {
      redactFailure(e);
      if (e instanceof CheckSkipped) t.skip(e.message);
      // Only a CheckFailure carries a kind; anything else thrown is a crash, reported broken by collect-outcomes.
      if (e instanceof CheckFailure) t.task.meta.railgate = { ...meta, failureKind: e.kind, ...(e.evidence && { evidence: e.evidence }) };
      throw e;
    } finally {
      // What the check exercised, whatever its outcome: the operations it called that the partner answered, and how fast.
      if (seen) t.task.meta.railgate = { ...(t.task.meta.railgate ?? meta), ...exercisedBy(seen.ledger.entries().slice(seen.mark), injectedSince(seen.faults.log, seen.faultMark)) };
    }
  });
}
