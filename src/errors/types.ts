// Types of the errors module. The vocabulary's shape is fixed by schemas/canonical-codes.schema.json;
// the profile's `errors` section by `errorsProfileSchema` (profile-schema.ts). Tests keep both in step.

/** never: the same request fails the same way. safe: retry with the same idempotency key.
 *  after: retry with the same key, but only after a delay (Retry-After or backoff). */
export type RetryClass = 'never' | 'safe' | 'after';

export type ErrorCategory =
  | 'account'
  | 'amount'
  | 'auth'
  | 'cancellation'
  | 'compliance'
  | 'creditor'
  | 'debtor'
  | 'duplicate'
  | 'format'
  | 'resource'
  | 'technical'
  | 'timing'
  | 'other';

export type CodeSource = 'iso20022' | 'transport';

export interface CanonicalCode {
  code: string;
  title: string;
  description: string;
  category: ErrorCategory;
  retry: RetryClass;
  source: CodeSource;
}

export interface Vocabulary {
  codes: ReadonlyMap<string, CanonicalCode>;
  get(code: string): CanonicalCode | undefined;
  has(code: string): boolean;
}

/** One entry of `errors.map`: the canonical code a partner code means, and optionally a retry class
 *  that overrides the vocabulary's. */
export interface ErrorMapEntry {
  canonical: string;
  retry?: RetryClass;
}

/** How to provoke a partner code in the simulator or a sandbox. */
export interface ErrorTrigger {
  /** The partner code (a key of `errors.map`). */
  code: string;
  /** operationId of the contract operation to call. */
  operation: string;
  /** Fragment merged over the contract example's request body; the simulator answers the code when a
   *  request carries it. */
  body?: unknown;
  /** Path and query parameter values by name, over the contract example's. */
  params?: Record<string, string | number | boolean>;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Expected HTTP status; else the one the contract documents for the code. */
  status?: number;
}

/** The profile's `errors` section. */
export interface ErrorsSpec {
  /** Where the partner's code sits in an error body: a JSON Pointer (RFC 6901) or a dotted path. */
  code: string;
  /** Where the human-readable message sits, same syntax. */
  message?: string;
  /** Partner code → canonical code. */
  map: Record<string, ErrorMapEntry>;
  /** HTTP status ('401') or class ('5xx') → canonical code, for bodies without a mapped code. */
  byStatus?: Record<string, string>;
  /** Share of mapped codes the run must exercise (0..1); absent: reported, not judged. */
  minCoverage?: number;
  triggers?: ErrorTrigger[];
}

/** Where a partner's code and message sit: the `code` / `message` keys of `ErrorsSpec`. */
export type CodeLocation = Pick<ErrorsSpec, 'code' | 'message'>;

export type MappedBy = 'map' | 'status' | 'unmapped';

export interface MappedError {
  partnerCode?: string;
  canonical: string;
  retry: RetryClass;
  category: ErrorCategory;
  mappedBy: MappedBy;
  message?: string;
}

/** A code the contract documents for an error response. */
export interface DocumentedCode {
  code: string;
  /** Exact HTTP status; absent for ranges ('4XX') and 'default'. */
  status?: number;
  /** Human-readable origin, e.g. "createPayout 422 example 'keyNotFound'". */
  where: string;
}

export type FindingLevel = 'error' | 'warning';

export type ErrorMapRule =
  | 'unknown-canonical'
  | 'unmapped-code'
  | 'retry-status-disagreement'
  | 'trigger-unknown-code';

/** A static finding about the profile's `errors` section. */
export interface Finding {
  rule: ErrorMapRule;
  level: FindingLevel;
  code?: string;
  /** Path into the profile's `errors` section, e.g. ['map', 'X', 'canonical']. */
  path: Array<string | number>;
  message: string;
}

/** One error response seen during a run, already mapped. */
export interface ErrorObservation {
  partnerCode?: string;
  status: number;
  canonical: string;
  operationId: string;
}

export interface CoverageRow {
  code: string;
  /** The status the code came back with; absent when not exercised. */
  status?: number;
  canonical: string;
  exercised: boolean;
}

export interface UnmappedObservation {
  /** Absent when the body had no code and no `byStatus` rule applied. */
  code?: string;
  status: number;
  operationId: string;
}

export interface ErrorCoverage {
  /** Share of mapped partner codes exercised, 0..1 (1 when the map is empty). */
  coverage: number;
  matrix: CoverageRow[];
  unmapped: UnmappedObservation[];
}
