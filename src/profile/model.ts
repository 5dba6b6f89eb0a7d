import type { ErrorsSpec } from '../errors/index.ts';
import type { AuthSpec, WebhooksSpec } from './auth-model.ts';
import type { RetrySpec } from '../retry/spec.ts';
import type { IdempotencySpec } from '../idempotency/model.ts';
import type { Step } from '../scenario/model.ts';
import type { RequestPins } from '../requests/index.ts';

// The `errors` section's types live with the errors module, whose fragment schema the profile schema embeds.
export type { ErrorTrigger, ErrorsSpec } from '../errors/index.ts';

/** The partner profile as written in `partners/<id>.yaml` (shape enforced by schemas/profile.schema.json). */
export type Duration = string | number;
/** '512KB' | '4MB' | bytes (binary units). */
export type Size = string | number;
export type Family = 'contract' | 'auth' | 'idempotency' | 'errors' | 'retry' | 'transactions' | 'scenarios' | 'conformance';
export type EnvironmentName = 'simulator' | 'sandbox' | 'production';

export interface Timeouts {
  connect?: Duration;
  headers?: Duration;
  body?: Duration;
  deadline?: Duration;
}

export interface Environment {
  baseUrl?: string;
  production?: boolean;
  timeouts?: Timeouts;
  /** Longest a run against this environment may take (real time); over the profile's `runTimeout`. */
  runTimeout?: Duration;
  /** Simulator only: fixed test credentials by environment-variable name. */
  testCredentials?: Record<string, string>;
  /** Public URL forwarding to railgate's webhook receiver. */
  webhookUrl?: string;
  receiverPort?: number;
}

export interface TransactionSpec {
  create: string;
  read: string;
  list?: string;
  id?: string;
  idParam?: string;
  /** JSON Pointer to the caller's reference in the create request and the resource; the list filters by its last segment. */
  reference?: string;
  state?: string;
  states?: StateMachineSpec;
  /** Which money movement this is, when the entry's key does not say. */
  movement?: Movement;
  /** JSON Pointer to the amount, an integer in minor units. */
  amount?: string;
  /** JSON Pointer to the ISO 4217 alphabetic currency code. */
  currency?: string;
  /** Refunds, captures, voids: the entry (key) of the transaction they apply to, and where its id sits. */
  parent?: { transaction: string; pointer: string; settles?: Record<string, string>; exceeds?: string };
  /** Longest time from create to a terminal state (profile time; default 5m). */
  deadline?: Duration;
  events?: TransactionEvents;
  /** Embedded simulator only: how its machine advances after create. */
  simulate?: { path?: StatePath; magic?: Array<{ when: Record<string, unknown>; path: StatePath }> };
}

export type Movement = 'payout' | 'collection' | 'refund' | 'reversal' | 'authorization' | 'capture' | 'void';

export interface StateMachineSpec {
  initial: string;
  transitions?: Record<string, string[]>;
  terminal: string[];
  /** Terminal states in which no money moved. */
  failed?: string[];
}

/** States entered one after the other, each `after` the previous one. */
export type StatePath = Array<{ to: string; after: Duration }>;

/** The webhook events sent on a movement's state changes, with pointers into their payload (default /data + the resource's). */
export interface TransactionEvents {
  types: string[];
  /** The event type announcing each state; states not named are not announced. */
  on?: Record<string, string>;
  id?: string;
  state?: string;
  amount?: string;
  currency?: string;
}

/** What GO requires (issue 17): families and operations, each exclusion with its written reason. */
export interface ReadinessSpec {
  required?: Family[];
  exclude?: Partial<Record<Family, string>>;
  operations?: string[];
  excludeOperations?: Record<string, string>;
  minOperationCoverage?: number;
  latency?: LatencySpec;
}

/** A latency SLA: the slowest each percentile of an operation's answered exchanges may be. */
export interface LatencyLimits {
  p50?: Duration;
  p95?: Duration;
  p99?: Duration;
}

/** `readiness.latency`: limits for every operation, and per operationId over them. */
export interface LatencySpec extends LatencyLimits {
  operations?: Record<string, LatencyLimits>;
}

/** How the partner dates its events (issue 17): what orders the webhooks about one transaction. */
export interface WebhookEventTime {
  /** JSON Pointer to when the event happened, in the partner's own time; default: detected from the contract's payload schema. */
  eventTime?: string;
}

export interface Profile {
  id: string;
  name: string;
  contract: string;
  contractValidation?: 'strict' | 'lenient';
  rails: string[];
  environments: Partial<Record<EnvironmentName, Environment>>;
  timeouts?: Timeouts;
  /** Longest a run of this partner may take, real time (docs/decisions/run-bound.md); default 30m. */
  runTimeout?: Duration;
  /** Largest answer body read whole: '4MB', '512KB' or bytes (docs/decisions/run-bound.md); default 4MB. */
  maxBody?: Size;
  retry?: RetrySpec;
  auth?: AuthSpec;
  webhooks?: WebhooksSpec & WebhookEventTime;
  idempotency?: IdempotencySpec;
  errors?: ErrorsSpec;
  transactions?: Record<string, TransactionSpec>;
  /** Values fixed in the requests railgate builds for an operation, laid over the example or generated request (src/requests). */
  requests?: RequestPins;
  /** Scenario steps run once per partner before its checks (e.g. registering ${webhooks.url}); schema: the scenario's step. */
  setup?: Step[];
  readiness?: ReadinessSpec;
  redact?: RedactSpec;
  /** Independent checks run side by side against a sandbox, at most this many (docs/decisions/concurrent-checks.md); default 4. */
  concurrency?: number;
  /** The conformance family's generated requests (docs/decisions/conformance.md). */
  conformance?: { maxCases?: number };
}

/** What the profile adds to railgate's redaction (src/redact): fields whose values are removed, patterns masked to their last four. */
export interface RedactSpec {
  fields?: string[];
  /** Regular expressions (JavaScript syntax, `u` flag); a bad one is a located input problem. */
  patterns?: string[];
}
