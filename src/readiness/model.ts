import type { ErrorCoverage } from '../errors/index.ts';
import type { Family } from '../profile/index.ts';
import type { Reconciliation } from '../transactions/index.ts';

/**
 * `failed`: the partner did something wrong, proven by its own answers (a partner defect, contract drift).
 * `broken`: railgate could not judge — a crash inside a check, a test timeout, a session that could not start,
 * a configuration mistake found at run time, a harness that could not keep time. Never a pass, a skip or a defect.
 */
export type CheckStatus = 'passed' | 'failed' | 'broken' | 'skipped';

/** NO-GO: the partner's fault, proven. INCONCLUSIVE: nothing proven against it, but railgate could not judge everything. */
export type Verdict = 'GO' | 'NO-GO' | 'INCONCLUSIVE';

/** One check's outcome as the run reports it. */
export interface CheckOutcome {
  partner: string;
  family: Family;
  name: string;
  status: CheckStatus;
  severity: string;
  scenario?: string;
  /** The failure (first line only when broken), or the skip note. */
  reason?: string;
  failureKind?: string;
  durationMs: number;
  /** operationIds the check called and the partner answered (any status): what it exercised. */
  operations?: string[];
  /** What the check measured for the report besides pass / fail; lifted into Readiness by judgeReadiness. */
  evidence?: ReadinessEvidence;
  /** ms each answered exchange took, per operationId (none from a check that injected a fault); pooled into Readiness.latency. */
  latency?: Record<string, number[]>;
  /** Answered exchanges per operationId timed while railgate's own event loop was late: counted, not measured. */
  untimed?: Record<string, number>;
  /** A scenario GO requires passed (tagged `smoke` or `test-transaction`): skipped, it is not exercised. */
  launch?: string[];
  /** The rail a scenario is bound to; a check without one serves every rail of the partner. */
  rail?: string;
}

/** Measurements a check hands to the readiness report (it travels from the suite worker in the test's meta). */
export interface ReadinessEvidence {
  /** Error-code coverage: share of mapped partner codes exercised, the matrix, and codes nothing maps. */
  errors?: ErrorCoverage;
  /** Reconciliation of the run's transactions with the partner's own records (family `transactions`). */
  reconciliation?: Reconciliation;
  /** The contract's events (webhooks, callbacks) the check delivered to railgate's receiver and saw answered. */
  webhooks?: string[];
}

export interface FamilyVerdict {
  status: CheckStatus;
  passed: number;
  failed: string[];
  /** Checks railgate could not judge; the family is `broken` when it has some and no failed one. */
  broken: string[];
  skipped: string[];
}

/** The readiness verdict for one partner: stable fields (partner, verdict, families) that tools read. */
export interface Readiness {
  partner: string;
  name: string;
  verdict: Verdict;
  reasons: string[];
  rails: string[];
  environment: string;
  seed: number;
  /** True when filters selected part of the checks: the verdict speaks only for those. */
  partial: boolean;
  generatedAt: string;
  contract: { title: string; version: string; hash: string };
  /** The profile the partner was judged with: its file and sha256, so a reviewer knows which rules applied. */
  profile?: { file: string; hash: string };
  /**
   * For a partner serving several rails: the verdict of each, on the checks that serve it (every generated
   * check, and the scenarios bound to that rail). A rail may launch while another waits.
   */
  byRail?: Array<{ rail: string; verdict: Verdict; reasons: string[] }>;
  families: Partial<Record<Family, FamilyVerdict>>;
  checks: CheckOutcome[];
  /** Error-code coverage of the run, when the `errors` family measured it. */
  errors?: ErrorCoverage;
  /** The reconciliation table, when the `transactions` family reconciled. */
  reconciliation?: Reconciliation;
  /** Families the profile excludes from GO, each with its written reason. */
  excluded?: Partial<Record<Family, string>>;
  /** Every operation of the contract, the checks that called it, and the share the run exercised. */
  operations?: OperationCoverage;
  /** p50 / p95 / p99 per operation over every answered exchange, against the profile's SLA (judged against a sandbox only). */
  latency?: LatencyReport;
}

export type Percentile = 'p50' | 'p95' | 'p99';

/** The profile's `readiness.latency`, in ms. */
export type LatencySla = Partial<Record<Percentile, number>>;

export interface LatencyReport {
  /** `virtual`: the embedded simulator's clock, on which an answer takes no time unless the simulator waits on purpose. */
  clock: 'real' | 'virtual';
  /** False on a virtual clock: the figures are shown, never a reason for NO-GO. */
  judged: boolean;
  /** Upper bounds of the histogram's buckets (ms); the last bucket holds what is slower. */
  bucketsMs: number[];
  rows: LatencyRow[];
  /** Per operationId, answered exchanges left out because railgate's own event loop was late while timing them. */
  untimed?: Record<string, number>;
}

export interface LatencyRow {
  operation: string;
  /** Answered exchanges measured. */
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** The SLA that applies to this operation, when the profile sets one. */
  sla?: LatencySla;
  /** Percentiles over their SLA (judged runs only). */
  breaches: LatencyBreach[];
  /** Exchanges per bucket of `bucketsMs`, then one for the slower ones. */
  histogram: number[];
}

export interface LatencyBreach {
  percentile: Percentile;
  ms: number;
  slaMs: number;
}

/** Operation coverage (issue 17): GO needs the operations the integration uses to have been called. */
export interface OperationCoverage {
  /** Share (0..1) of the operations the integration uses, less the excluded ones, that some check called. */
  coverage: number;
  /** The profile's `readiness.minOperationCoverage` (default 1). */
  min: number;
  rows: OperationRow[];
}

export interface OperationRow {
  operation: string;
  method: string;
  path: string;
  /** The integration uses it (profile `readiness.operations`, default all) and it is not excluded. */
  required: boolean;
  /** The written reason, when the profile excludes it. */
  excluded?: string;
  /** An event the partner sends (webhook, callback): the checks delivered it to railgate's receiver, nothing called it. */
  received?: true;
  /** Checks that called it (delivered it, for an event), with their outcome. */
  checks: { name: string; family: Family; status: CheckStatus }[];
}
