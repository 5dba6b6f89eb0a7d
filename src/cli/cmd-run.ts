import { appendFile } from 'node:fs/promises';
import { destructiveInProduction, planPartner } from '../checks/index.ts';
import { credentialProblems } from '../credentials/index.ts';
import { loadPartners } from '../partner/index.ts';
import type { EnvironmentName, Family } from '../profile/index.ts';
import { DEFAULT_SEED } from '../random/index.ts';
import type { Readiness } from '../readiness/index.ts';
import { runSuites } from '../run/index.ts';
import { InputError } from '../source/index.ts';
import type { RunConfig } from '../suite/run-config.ts';
import { UsageError, defectsOption, intOption, parse } from './args.ts';
import type { Output } from './output.ts';

const ENVS: EnvironmentName[] = ['simulator', 'sandbox', 'production'];
const VERDICT_WIDTH = 'INCONCLUSIVE'.length;
const FAMILIES: Family[] = ['contract', 'auth', 'idempotency', 'errors', 'retry', 'transactions', 'scenarios'];

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
  });
  if (v.help) return out.help('run');
  const env = (v.env as EnvironmentName | undefined) ?? 'simulator';
  if (!ENVS.includes(env)) throw new UsageError(`--env must be one of ${ENVS.join(', ')} (got '${env}')`);
  const family = v.family as Family | undefined;
  if (family && !FAMILIES.includes(family)) throw new UsageError(`--family must be one of ${FAMILIES.join(', ')} (got '${family}')`);
  const defects = defectsOption(v.defect);
  if (defects.length > 0 && env !== 'simulator') throw new UsageError('--defect plants a defect in the embedded simulator: use it with --env simulator');
  const config: RunConfig = {
    root: process.cwd(),
    partner: v.partner as string | undefined,
    family,
    scenario: v.scenario as string | undefined,
    env,
    defects,
    seed: intOption(v.seed, 'seed') ?? DEFAULT_SEED,
    verbose: Boolean(v.verbose) || v.scenario !== undefined,
  };
  const reportsDir = (v.reports as string | undefined) ?? 'reports';

  // Everything is loaded and checked before anything is written: bad input leaves reports/ untouched.
  const partners = await loadPartners(config.root, config.partner);
  const problems = [];
  for (const p of partners) {
    const profileDoc = p.profileDoc;
    if (env !== 'simulator' && !p.profile.environments[env]?.baseUrl) {
      problems.push(profileDoc.problem(['environments', env], `partner '${p.id}' has no baseUrl for environment '${env}'`));
    }
    // A missing secret stops the run before it starts, located at the key that names it.
    problems.push(...credentialProblems(p.profile, profileDoc, env, process.env));
    const refused = destructiveInProduction(planPartner(p, config), config);
    if (refused.length > 0) {
      problems.push(profileDoc.problem(['environments', env, 'production'], `environment '${env}' is marked production: refusing ${refused.length} destructive check${refused.length > 1 ? 's' : ''} (${refused.slice(0, 3).map((c) => c.name).join(', ')}${refused.length > 3 ? ', …' : ''})`));
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const planned = partners.map((p) => planPartner(p, config)).reduce((n, p) => n + p.families.reduce((m, f) => m + f.checks.length, 0), 0);
  if (planned === 0) throw new UsageError(`nothing matches the selection${config.scenario ? ` (no scenario '${config.scenario}'${config.partner ? ` for ${config.partner}` : ''})` : ''}`);

  out.info(`railgate run · env ${env} · seed ${config.seed} · ${env === 'simulator' ? 'virtual time' : 'real time'} · ${partners.map((p) => p.id).join(', ')}${defects.length ? ` · defects: ${defects.join(', ')}` : ''}`);
  const result = await runSuites(partners, config, reportsDir, (s) => out.info(s), { html: typeof v.html === 'boolean' ? v.html : v.scenario === undefined });
  if (result.harnessErrors.length > 0) {
    for (const e of result.harnessErrors) out.error(`railgate: ${e}`);
    return 2;
  }
  out.info('');
  for (const r of result.readiness) {
    out.info(`${r.verdict.padEnd(VERDICT_WIDTH)}  ${r.partner}${r.partial ? ' (partial run)' : ''}`);
    for (const reason of r.reasons) out.info(`${' '.repeat(VERDICT_WIDTH + 2)}- ${reason.split('\n')[0]}`);
  }
  out.info(`\nreports: ${reportsDir}/readiness/*.md · ${reportsDir}/junit.xml · ${result.allureReport ?? `${reportsDir}/allure-results (HTML report not generated: --html builds it)`}`);
  if (process.env.GITHUB_STEP_SUMMARY) {
    const { readinessMarkdown } = await import('../readiness/index.ts');
    await appendFile(process.env.GITHUB_STEP_SUMMARY, result.readiness.map(readinessMarkdown).join('\n'));
  }
  return exitCode(result.readiness);
}

/** 2 when railgate could not judge some partner (its trouble comes first: no verdict stands on it), 1 for a NO-GO, else 0. */
function exitCode(readiness: readonly Readiness[]): number {
  if (readiness.some((r) => r.verdict === 'INCONCLUSIVE')) return 2;
  return readiness.every((r) => r.verdict === 'GO') ? 0 : 1;
}
