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
import { checkConcurrency, decodeRunConfig, isPartialRun } from './run-config.ts';
import { boundSpec } from './run-bound.ts';
import { checkMeta, endedMeta, openTarget, runPlannedCheck, runSetup, skipNote } from './run-planned.ts';
import type { CheckTarget } from './run-planned.ts';

const config = decodeRunConfig(process.env);
const partners = selectPartners(await loadPartners(config.root, config.partner), config);
/** After the run's bound a test still running is ended by the bound itself (reported not finished): vitest's limit comes later. */
const BOUND_SLACK_MS = 60_000;

for (const partner of partners) {
  const plan = planPartner(partner, config);
  if (plan.families.length === 0) continue;
  const boundMs = boundSpec(partner.profile, config.env, config.maxTime).ms;
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
        for (const check of checks) defineCheck(partner.id, partner.profile.rails, check, checkConcurrency(partner.profile, config), boundMs, () => (setupFailed ? Promise.reject(setupFailed) : Promise.resolve(target)));
      });
    }
  });
}

/**
 * One check, one test. An independent check is a concurrent test where the partner's checks may run side by side
 * (docs/decisions/concurrent-checks.md): consecutive ones form a group vitest starts together, and any other test
 * is a wall between groups. A started test may wait at its partner's gate (for the checks beside it, for a check run
 * once more alone, for a body still running past its limit): each attempt keeps its own time limit from when the gate
 * lets it in (run-planned.ts), and the test only the run's bound, which ends what is still running, not finished.
 */
function defineCheck(partnerId: string, rails: string[], planned: Check, beside: number, boundMs: number, target: () => Promise<CheckTarget | undefined>): void {
  const check = withPlantedCrash(config.defects, partnerId, planned);
  const meta = checkMeta(partnerId, rails, check);
  const concurrent = runsBeside(check, beside);
  const timeout = boundMs + BOUND_SLACK_MS;
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
