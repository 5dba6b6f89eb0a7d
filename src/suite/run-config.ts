import type { Shard } from '../checks/select.ts';
import type { EnvironmentName, Family } from '../profile/index.ts';
import type { ReadinessEvidence } from '../readiness/index.ts';

/** What `railgate run` asks the generated suites to do; travels to vitest's workers in one env variable. */
export interface RunConfig {
  root: string;
  partner?: string;
  family?: Family;
  scenario?: string;
  rail?: string;
  tags?: string[];
  /** A regular expression over `<partner> <family> <check>`, the name vitest shows. */
  grep?: string;
  shard?: Shard;
  /** Stop at the first failed check: the rest are not run (the verdict speaks only for what ran). */
  bail?: boolean;
  /** `--max-cases`: the conformance family's generated cases per operation. */
  maxCases?: number;
  /** `--concurrency`: independent checks side by side against a sandbox, over every profile's `concurrency`. */
  concurrency?: number;
  /** `--max-time`: the whole run's bound, from the command's start (epoch ms); overrides every profile's runTimeout. */
  maxTime?: { ms: number; from: number; text: string };
  env: EnvironmentName;
  defects: string[];
  seed: number;
  /** Print every exchange (redacted) to the console. */
  verbose: boolean;
  /** The user allowed destructive checks and faults against production, and typed each partner id again. */
  allowProduction?: boolean;
}

export const RUN_CONFIG_VAR = 'RAILGATE_RUN';

/** Any filter but partner, rail and shard leaves checks out: the verdict then speaks only for what ran. */
export function isPartialRun(config: Pick<RunConfig, 'family' | 'scenario' | 'tags' | 'grep' | 'bail'>): boolean {
  return Boolean(config.family || config.scenario || config.tags || config.grep || config.bail);
}
/** vitest's timeout of one check's test: a safety net under the run's bound (run-bound.ts), which ends checks first. */
export const CHECK_TIMEOUT_MS = 120_000;

/** Independent checks side by side where the profile says nothing: partners rate-limit, so a few. */
export const DEFAULT_CONCURRENCY = 4;

/**
 * How many independent checks of a partner run side by side (docs/decisions/concurrent-checks.md): one against the
 * embedded simulator, whose virtual clock moves for one check at a time and costs no waiting; else `--concurrency`,
 * the profile's `concurrency`, or the default.
 */
export function checkConcurrency(profile: { concurrency?: number }, config: Pick<RunConfig, 'env' | 'concurrency'>): number {
  if (config.env === 'simulator') return 1;
  return config.concurrency ?? profile.concurrency ?? DEFAULT_CONCURRENCY;
}

/** The compiled generated suites (dist/suites.js) when railgate runs from its build: vitest's worker imports them natively. */
export const COMPILED_SUITES_VAR = 'RAILGATE_SUITES';

export function encodeRunConfig(c: RunConfig): string {
  return JSON.stringify(c);
}

export function decodeRunConfig(env: NodeJS.ProcessEnv): RunConfig {
  const raw = env[RUN_CONFIG_VAR];
  if (!raw) throw new Error(`${RUN_CONFIG_VAR} is not set: the generated suites are run by 'railgate run'`);
  return JSON.parse(raw) as RunConfig;
}

/** What every generated test carries for reporters (readiness, categories). */
export interface CheckMeta {
  partner: string;
  family: Family;
  check: string;
  severity: string;
  rails: string[];
  scenario?: string;
  failureKind?: string;
  evidence?: ReadinessEvidence;
  /** operationIds the check called and the partner answered. */
  operations?: string[];
  /** ms each answered exchange took, per operationId; none when the check had the fault layer inject a fault. */
  latency?: Record<string, number[]>;
  /** Answered exchanges per operationId timed while railgate itself was late: no latency of the partner's. */
  untimed?: Record<string, number>;
  /** The scenario's tags that GO requires passed: `smoke`, `test-transaction`. */
  launch?: string[];
  /** The rail a scenario is bound to; generated checks serve every rail of the partner. */
  rail?: string;
}

declare module '@vitest/runner' {
  interface TaskMeta {
    railgate?: CheckMeta;
  }
}
