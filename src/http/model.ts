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
}

export interface TransportError {
  /** undici's error code (UND_ERR_HEADERS_TIMEOUT, ECONNRESET …) or 'DEADLINE'. */
  code: string;
  message: string;
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
}

export interface ClientTimeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  /** Whole exchange, headers and body together. */
  deadlineMs: number;
}
