/**
 * The generated partner suites. `railgate run` points vitest at this file; at collection time it loads
 * the selected partners and plans their checks, so vitest's -t and railgate's filters select the same things:
 * describe(partner) > describe(family) > test(check).
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import { planPartner, selectPartners } from '../checks/index.ts';
import type { Check } from '../checks/index.ts';
import { loadPartners } from '../partner/index.ts';
import { setupScenario } from '../scenario/index.ts';
import { allureSink, labelCheck } from './allure-sink.ts';
import { runsBeside } from './check-gate.ts';
import { recordingSink, routedSink } from './recorded-steps.ts';
import { withPlantedCrash } from './planted-crash.ts';
import { CHECK_TIMEOUT_MS, checkConcurrency, decodeRunConfig, isPartialRun } from './run-config.ts';
import { checkMeta, endedMeta, openTarget, runPlannedCheck, runSetup, skipNote } from './run-planned.ts';
import type { CheckTarget } from './run-planned.ts';

const config = decodeRunConfig(process.env);
const partners = selectPartners(await loadPartners(config.root, config.partner), config);
// vitest runs at most this many tests of a concurrent group at once (run-suites.ts sets maxConcurrency alike);
// each partner's own gate then lets its `concurrency` of them run (run-planned.ts).
const mostBeside = Math.max(1, ...partners.map((p) => checkConcurrency(p.profile, config)));

for (const partner of partners) {
  const plan = planPartner(partner, config);
  if (plan.families.length === 0) continue;
  describe(partner.id, () => {
    let target: CheckTarget | undefined;
    let setupFailed: unknown;
    const setup = setupScenario(partner);
    const report = routedSink(allureSink);
    const setupSteps = recordingSink();
    beforeAll(async () => {
      target = await openTarget(partner, { ...config, partial: isPartialRun(config) }, report.sink, config.verbose ? (t) => console.log(t) : undefined);
      // The profile's setup (registering railgate's receiver, say) runs once, before any check of the partner.
      // Its failure fails every check (a throw here would only skip them, and skipped must never read as GO).
      // Its steps are recorded, then shown by the setup test below, not spread into every test's report.
      if (!setup) return;
      report.route(setupSteps.sink);
      setupFailed = await runSetup(target, setup);
      report.route(allureSink);
    });
    afterAll(async () => {
      await target?.session.close();
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
        for (const check of checks) defineCheck(partner.id, partner.profile.rails, check, checkConcurrency(partner.profile, config), () => (setupFailed ? Promise.reject(setupFailed) : Promise.resolve(target)));
      });
    }
  });
}

/**
 * One check, one test. An independent check is a concurrent test where the partner's checks may run side by side
 * (docs/decisions/concurrent-checks.md): consecutive ones form a group vitest starts together, and any other test
 * is a wall between groups. A started test may wait for its partner's gate: its timeout allows for the rounds ahead.
 */
function defineCheck(partnerId: string, rails: string[], planned: Check, beside: number, target: () => Promise<CheckTarget | undefined>): void {
  const check = withPlantedCrash(config.defects, partnerId, planned);
  const meta = checkMeta(partnerId, rails, check);
  const concurrent = runsBeside(check, beside);
  const timeout = concurrent ? CHECK_TIMEOUT_MS * Math.ceil(mostBeside / beside) : CHECK_TIMEOUT_MS;
  test(check.name, { meta: { railgate: meta }, concurrent, timeout }, (t) => allureSink.isolated(async () => {
    await labelCheck({ partner: partnerId, family: check.family, rails, story: check.scenario ?? check.name, severity: meta.severity, env: config.env, tags: check.tags, ...(check.title && { title: check.title }), ...(check.loc && { source: `${check.loc.file}:${check.loc.line}` }) });
    const end = await runPlannedCheck(check, target, { partnerId, env: config.env });
    // Meta is how a worker's result reaches the main process's reporters (collect-outcomes.ts).
    t.task.meta.railgate = endedMeta(meta, end);
    const note = skipNote(end);
    if (note !== undefined) t.skip(note);
    if (!end.passed) throw end.error;
  }));
}
