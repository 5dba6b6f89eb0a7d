import { parseShard } from '../checks/select.ts';
import type { Partner } from '../partner/index.ts';
import type { EnvironmentName, Family } from '../profile/index.ts';
import { plantedLabel } from '../simulator/defects.ts';
import { InputError } from '../source/index.ts';
import type { InputProblem } from '../source/index.ts';
import { checkConcurrency } from '../suite/run-config.ts';
import type { RunConfig } from '../suite/run-config.ts';
import { REPORTER_CHOICES } from '../run/console-lines.ts';
import type { ReporterChoice } from '../run/console-lines.ts';
import { UsageError, defectsOption, intOption, parse, seedOption } from './args.ts';
import { confirmProduction } from './confirm-production.ts';
import { maxTimeOption } from './max-time.ts';
import type { Output } from './output.ts';
import { partnerTodos } from './partner-todos.ts';
import { reportsOption } from './reports-option.ts';
import { exitCodeOf, printVerdicts } from './verdicts.ts';

const ENVS: EnvironmentName[] = ['simulator', 'sandbox', 'production'];
const FAMILIES: Family[] = ['contract', 'conformance', 'auth', 'idempotency', 'errors', 'retry', 'transactions', 'scenarios'];

export async function cmdRun(args: string[], out: Output): Promise<number> {
  const v = parse(args, {
    partner: { type: 'string' },
    scenario: { type: 'string' },
    family: { type: 'string' },
    env: { type: 'string' },
    defect: { type: 'string', multiple: true },
    seed: { type: 'string' },
    reports: { type: 'string' },
    verbose: { type: 'boolean' },
    html: { type: 'boolean' },
    rail: { type: 'string' },
    tag: { type: 'string', multiple: true },
    grep: { type: 'string' },
    shard: { type: 'string' },
    bail: { type: 'boolean' },
    'allow-production': { type: 'boolean' },
    reporter: { type: 'string' },
    'max-time': { type: 'string' },
    'max-cases': { type: 'string' },
    concurrency: { type: 'string' },
    'accept-todos': { type: 'boolean' },
  });
  if (v.help) return out.help('run');
  const env = (v.env as EnvironmentName | undefined) ?? 'simulator';
  if (!ENVS.includes(env)) throw new UsageError(`--env must be one of ${ENVS.join(', ')} (got '${env}')`);
  const family = v.family as Family | undefined;
  if (family && !FAMILIES.includes(family)) throw new UsageError(`--family must be one of ${FAMILIES.join(', ')} (got '${family}')`);
  const reporter = (v.reporter as ReporterChoice | undefined) ?? 'auto';
  if (!REPORTER_CHOICES.includes(reporter)) throw new UsageError(`--reporter must be one of ${REPORTER_CHOICES.join(', ')} (got '${reporter}')`);
  const defects = defectsOption(v.defect);
  if (defects.length > 0 && env !== 'simulator') throw new UsageError('--defect plants a defect in the embedded simulator: use it with --env simulator');
  const config: RunConfig = {
    root: process.cwd(),
    partner: v.partner as string | undefined,
    family,
    scenario: v.scenario as string | undefined,
    env,
    defects,
    seed: seedOption(v.seed),
    verbose: Boolean(v.verbose) || v.scenario !== undefined,
    ...(v['allow-production'] === true && { allowProduction: true }),
    ...narrowingOptions(v),
    ...maxTimeOption(v['max-time']),
    ...maxCasesOption(v['max-cases']),
    ...concurrencyOption(v.concurrency),
  };
  const reportsDir = reportsOption(v.reports);

  // Everything is loaded and checked before anything is written: bad input leaves reports/ untouched. The
  // partners, checks and contract validators are loaded only now: `--help` and a usage error answer without them.
  const [{ destructiveInProduction, planPartner, selectPartners }, { credentialProblems }, { loadPartners }] = await Promise.all([import('../checks/index.ts'), import('../credentials/index.ts'), import('../partner/index.ts')]);
  const loaded = await loadPartners(config.root, config.partner);
  const partners = selectPartners(loaded, config);
  if (config.rail && partners.length === 0 && !config.shard) {
    const rails = [...new Set(loaded.flatMap((p) => p.profile.rails))].sort();
    throw new UsageError(`no partner serves rail '${config.rail}' (rails: ${rails.join(', ')})`);
  }
  if (config.shard && partners.length === 0) {
    out.info(`railgate run · shard ${config.shard.index}/${config.shard.count}: no partner falls to this shard (${selectPartners(loaded, { ...config, shard: undefined }).length} in all); nothing to run`);
    return 0;
  }
  const problems = [];
  const allowProduction = v['allow-production'] === true;
  const inProduction: Array<{ id: string; reason: string }> = [];
  for (const p of partners) {
    const profileDoc = p.profileDoc;
    if (env !== 'simulator' && !p.profile.environments[env]?.baseUrl) {
      problems.push(profileDoc.problem(['environments', env], `partner '${p.id}' has no baseUrl for environment '${env}'`));
    }
    // A missing secret stops the run before it starts, located at the key that names it.
    problems.push(...credentialProblems(p.profile, profileDoc, env, process.env));
    // What `init` guessed and nobody settled would judge a real partner: a wrong guess must not become its NO-GO.
    if (env !== 'simulator' && v['accept-todos'] !== true) problems.push(...(await unsettled(p)));
    const refused = destructiveInProduction(planPartner(p, config), config);
    if (refused && allowProduction) inProduction.push({ id: p.id, reason: refused.reason });
    else if (refused) {
      const n = refused.checks.length;
      const names = `${refused.checks.slice(0, 3).map((c) => c.name).join(', ')}${n > 3 ? ', …' : ''}`;
      const at = p.profile.environments[env]?.production === true ? ['environments', env, 'production'] : ['environments', env];
      problems.push(profileDoc.problem(at, `${refused.reason}: refusing ${n} destructive check${n > 1 ? 's' : ''} (${names}); --allow-production runs them after you type the partner id again`));
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  if (inProduction.length > 0) await confirmProduction(inProduction, { input: process.stdin, output: process.stderr });
  // A partner none of whose checks the selection keeps is not in the run: it gets no verdict, not a NO-GO.
  const running = partners.filter((p) => planPartner(p, config).families.length > 0);
  if (running.length === 0) throw new UsageError(`nothing matches the selection${config.scenario ? ` (no scenario '${config.scenario}'${config.partner ? ` for ${config.partner}` : ''})` : ''}`);

  out.info(`railgate run · env ${env} · seed ${config.seed} · ${env === 'simulator' ? 'virtual time' : `real time, ${sideBySide(running, config)}`} · ${running.map((p) => p.id).join(', ')}${defects.length ? ` · ${plantedLabel(defects)}` : ''}`);
  // vitest is loaded only now: a usage error, a bad profile or a refusal above must not wait for it.
  const { runSuites } = await import('../run/index.ts');
  const result = await runSuites(running, config, reportsDir, (s) => out.info(s), { html: typeof v.html === 'boolean' ? v.html : v.scenario === undefined, reporter });
  if (result.harnessErrors.length > 0) {
    for (const e of result.harnessErrors) out.error(`railgate: ${e}`);
    return 2;
  }
  await printVerdicts(out, result.readiness, reportsDir, result.allureReport);
  return exitCodeOf(result.readiness);
}

/** 2 when railgate could not judge some partner (its trouble comes first: no verdict stands on it), 1 for a NO-GO, else 0. */

/** `--rail`, `--tag`, `--grep`, `--shard`, `--bail`, checked before anything runs. */
function narrowingOptions(v: Record<string, string | boolean | string[] | undefined>): Pick<RunConfig, 'rail' | 'tags' | 'grep' | 'shard' | 'bail'> {
  const out: Pick<RunConfig, 'rail' | 'tags' | 'grep' | 'shard' | 'bail'> = {};
  if (typeof v.rail === 'string') out.rail = v.rail;
  if (Array.isArray(v.tag) && v.tag.length > 0) out.tags = v.tag;
  if (typeof v.grep === 'string') {
    try {
      new RegExp(v.grep);
    } catch (e) {
      throw new UsageError(`--grep must be a regular expression (${(e as Error).message})`);
    }
    out.grep = v.grep;
  }
  if (typeof v.shard === 'string') {
    const shard = parseShard(v.shard);
    if (!shard) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, e.g. 1/2 (got '${v.shard}')`);
    out.shard = shard;
  }
  if (v.bail === true) out.bail = true;
  return out;
}

/** `--max-cases N`: the conformance family's generated cases per operation, over the profiles' `conformance.maxCases`. */
function maxCasesOption(v: unknown): { maxCases?: number } {
  const n = intOption(v, 'max-cases', 1, 1000);
  return n === undefined ? {} : { maxCases: n };
}

/** Against a sandbox: how many independent checks run at once, per partner when they differ. */
function sideBySide(partners: readonly Partner[], config: RunConfig): string {
  const each = partners.map((p) => ({ id: p.id, n: checkConcurrency(p.profile, config) }));
  const one = each.every((e) => e.n === each[0]!.n);
  return `up to ${one ? each[0]!.n : each.map((e) => `${e.n} (${e.id})`).join(', ')} checks at once`;
}

/** `--concurrency N`: independent checks side by side against a sandbox, over the profiles' `concurrency`. */
function concurrencyOption(v: unknown): { concurrency?: number } {
  const n = intOption(v, 'concurrency', 1, 32);
  return n === undefined ? {} : { concurrency: n };
}

/**
 * The `# TODO` comments `railgate init` left in a partner's files, each located: against a sandbox or production
 * they stop the run (exit 2) until settled, or until `--accept-todos` says the guesses stand. The simulator is built
 * from the same guesses, so it runs them.
 */
async function unsettled(p: Partner): Promise<InputProblem[]> {
  return (await partnerTodos(p)).map((t) => ({ ...t, message: `${t.message} — unsettled: a guess that would judge a real partner (settle it, or run with --accept-todos)` }));
}
