import type { Clock } from '../clock/index.ts';
import type { FaultProxy } from '../faults/index.ts';
import type { Exchange, HttpClient, HttpRequest, RequestParts, SendOptions } from '../http/index.ts';
import type { Partner } from '../partner/index.ts';
import type { EnvironmentName, Family } from '../profile/index.ts';
import type { Rng } from '../random/index.ts';
import type { RetriedCall, RetryCallOptions } from '../retry/index.ts';
import type { ReadinessEvidence } from '../readiness/index.ts';
import type { Severity, SourceLocation } from '../scenario/index.ts';
import type { AuthRuntime } from './auth-runtime.ts';
import type { ExchangeLedger } from './ledger.ts';

/** How a report shows progress: steps and attachments (Allure in the generated suites, nothing in unit tests). */
export interface ReportSink {
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  attach(name: string, content: string, contentType: string): Promise<void>;
}

/** What a check can use while it runs against one partner's target (simulator or sandbox). */
export interface CheckContext {
  partner: Partner;
  env: EnvironmentName;
  baseUrl: string;
  seed: number;
  rng: Rng;
  client: HttpClient;
  ledger: ExchangeLedger;
  /** The run's scaled clock: every wait of a check goes through it. */
  clock: Clock;
  /** The fault layer between client and target: schedule faults for the next calls. */
  faults: FaultProxy;
  report: ReportSink;
  /** Calls an operation of the contract; the exchange is recorded, reported (redacted) and returned. */
  call(operationId: string, parts: RequestParts, label?: string, opts?: SendOptions): Promise<Exchange>;
  /**
   * Calls an operation under the profile's retry policy: each attempt is a call() (its own step and
   * exchange, the same idempotency key), each wait on the clock; resolves with every attempt and how it ended.
   */
  callWithRetry(operationId: string, parts: RequestParts, opts?: RetryCallOptions): Promise<RetriedCall>;
  /** Sends a request exactly as given (signed by hand, or forged): recorded and reported like call(). */
  send(request: HttpRequest, label: string, sendOpts?: SendOptions): Promise<Exchange>;
  /** Signing, forging and redaction for the auth family; the webhook receiver. */
  auth: AuthRuntime;
  /**
   * The run selects part of the partner's checks (`--family`, `--scenario`, `--grep` …): a judgement of the whole
   * run (the share of error codes provoked) is reported, not judged, as the readiness judge treats operation coverage.
   */
  partial?: boolean;
}

export interface Check {
  /** Unique within its family; what vitest -t and the readiness report name. */
  name: string;
  family: Family;
  severity: Severity;
  tags: string[];
  /** Where the check comes from, when it comes from a file the user wrote. */
  loc?: SourceLocation;
  /** The scenario this check runs, for scenario checks (selected with --scenario). */
  scenario?: string;
  /** What the scenario proves, in its author's words: the report shows it beside the file:line it comes from. */
  title?: string;
  /** The rail a scenario is bound to (selected with --rail); generated checks serve every rail of the partner. */
  rail?: string;
  /** Creates or moves money: refused against an environment marked production. */
  destructive: boolean;
  /** Runs after every other check of its family, whatever the plan order: it judges what they saw. */
  runsLast?: boolean;
  /**
   * Needs nothing of the partner but its own requests and their answers: no fault injected, nothing counted or
   * awaited that another check could make, so against a sandbox it may run beside other independent checks of its
   * family (docs/decisions/concurrent-checks.md). Absent: it runs alone. Never with runsLast.
   */
  independent?: boolean;
  /**
   * It asks the partner for a 429 on purpose (a rate-limit trigger): a passing attempt's 429s beside others are its
   * own, and do not send it once more alone (a failing one still does).
   */
  provokes429?: boolean;
  /** Resolves with evidence for the readiness report when the check measured something (coverage). */
  run(ctx: CheckContext): Promise<void | ReadinessEvidence>;
}

/** What the run asks of a family's plan beyond the partner. */
export interface PlanOptions {
  /** `--max-cases`: generated cases per operation (the conformance family); over the profile's `conformance.maxCases`. */
  maxCases?: number;
}

/** A check family: plans its checks for a partner (pure), and the checks judge what they see. */
export interface CheckFamily {
  family: Family;
  /** Allure severity for the family's checks, unless a check says otherwise. */
  severity: Severity;
  plan(partner: Partner, opts?: PlanOptions): Check[];
}

/**
 * Why a check failed. Only `partner-defect` and `contract-drift` are findings about the partner, proven by its
 * own answers; `configuration` (a profile or contract mistake found at run time), `harness-timing` (railgate's
 * own event loop was too late to time what it measured) and `simulator-limitation` (the embedded simulator could
 * not answer within the contract it serves: it documents no status or admits no body for what had to be said)
 * are railgate's trouble: the check is broken, never failed.
 */
export type FailureKind = 'partner-defect' | 'contract-drift' | 'configuration' | 'harness-timing' | 'simulator-limitation';

const PARTNER_FINDINGS: ReadonlySet<string> = new Set<FailureKind>(['partner-defect', 'contract-drift']);

/** True for the kinds that speak against the partner; any other error (kind or none) leaves the check broken. */
export function isPartnerFinding(kind: string | undefined): boolean {
  return kind !== undefined && PARTNER_FINDINGS.has(kind);
}

// Allure tells a failed test (an assertion: the partner did wrong) from a broken one (the harness could not do
// its job) by the error's name: only partner findings may look like an assertion.
const ERROR_NAMES: Record<FailureKind, string> = {
  'partner-defect': 'CheckAssertionError',
  'contract-drift': 'CheckAssertionError',
  configuration: 'ConfigurationError',
  'harness-timing': 'HarnessTimingError',
  'simulator-limitation': 'SimulatorLimitationError',
};

export class CheckFailure extends Error {
  readonly kind: FailureKind;
  readonly loc?: SourceLocation;
  /** What the check measured before it failed (a reconciliation table): the report shows it all the same. */
  readonly evidence?: ReadinessEvidence;
  constructor(message: string, opts: { kind?: FailureKind; loc?: SourceLocation; evidence?: ReadinessEvidence } = {}) {
    // The kind travels in the message so Allure's categories (by message) can sort failures.
    const kind = opts.kind ?? 'partner-defect';
    super(`${opts.loc ? `${opts.loc.file}:${opts.loc.line}:${opts.loc.col}  ` : ''}[${kind}] ${message}`);
    this.name = ERROR_NAMES[kind];
    this.kind = kind;
    this.loc = opts.loc;
    if (opts.evidence) this.evidence = opts.evidence;
    // A check failure is a finding, not a fault in railgate's code: no stack frames to read.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * The partner answered 429 to something the check needed and could not wait out (a token every check shares): the
 * check judged nothing. Beside others it runs once more, alone; alone it is broken (configuration), never a finding.
 */
export class RateLimited extends CheckFailure {
  constructor(message: string) {
    super(message, { kind: 'configuration' });
  }
}

/** The check could not run here (nothing to probe, no receiver reachable …): reported as skipped, never passed. */
export class CheckSkipped extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CheckSkipped';
  }
}
