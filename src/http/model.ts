import type { PartialAnswer } from './answer-limits.ts';

/** One HTTP request as railgate sends it, and what came back (or the failure that took its place). */
export interface HttpRequest {
  /** The contract operation this request exercises, when there is one. */
  operationId?: string;
  method: string;
  url: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  /** Parsed JSON when the body is JSON, else the text; undefined for an empty body. */
  body: unknown;
  /** Why the body is not what its content-type says (JSON that does not parse): named in reports and findings. */
  bodyIssue?: string;
}

export interface TransportError {
  /** undici's error code (UND_ERR_HEADERS_TIMEOUT, ECONNRESET …), 'DEADLINE', or a refused answer's (BODY_TOO_LARGE, REDIRECT_REFUSED). */
  code: string;
  message: string;
  /** What arrived of an answer railgate refused to take whole (src/http/answer-limits.ts). */
  partial?: PartialAnswer;
}

export interface Exchange {
  /** Order of the exchange within the run. */
  seq: number;
  request: HttpRequest;
  response?: HttpResponse;
  error?: TransportError;
  startedAt: string;
  /** On the run's clock: real ms against a sandbox, virtual ms against the embedded simulator. */
  durationMs: number;
  /**
   * Against a sandbox: the worst lateness of railgate's own event loop while this exchange was timed (real ms),
   * when there was any. The duration may be off by as much: the latency judge does not count it (issue 11).
   */
  harnessLagMs?: number;
}

export interface ClientTimeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  /** Whole exchange, headers and body together. */
  deadlineMs: number;
}
