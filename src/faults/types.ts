import type { Clock } from '../clock/index.ts';

/** Where in the exchange a delay or a reset happens, seen from the partner: before or after it got the request. */
export type ForwardPhase = 'before-forward' | 'after-forward';

/** Delay in profile ms (scaled by the proxy's clock), before the request leaves or before the answer returns. */
export interface LatencyFault {
  kind: 'latency';
  ms: number;
  when: 'before-forward' | 'before-respond';
}

/** Response header on every answer the proxy makes up itself (a status fault): it never came from the partner. */
export const FAULT_HEADER = 'x-railgate-fault';

/** The statuses a partner or its load balancer sends when it is overloaded or down. */
export type FaultStatus = 429 | 500 | 502 | 503 | 504;

/** Answered by the proxy; the target never sees the request. */
export interface StatusFault {
  kind: 'status';
  status: FaultStatus;
  /**
   * Seconds (an integer, sent as is) or an HTTP-date, or any string to test a client's parser.
   * Not scaled: it is protocol data, and the client scales what it reads with the same clock.
   */
  retryAfter?: number | string;
  body?: string;
  /** Extra response headers, e.g. a JSON content-type for a partner-shaped error body. */
  headers?: Record<string, string>;
}

/** TCP reset of the client connection; after-forward means the target got, and answered, the request. */
export interface ResetFault {
  kind: 'reset';
  when: ForwardPhase;
}

/** The lost response: the target commits and answers, the answer never reaches the client. */
export interface DropResponseFault {
  kind: 'drop-response';
}

/** The target's status and headers (and the first `afterBytes` body bytes) reach the client, then nothing. */
export interface StallBodyFault {
  kind: 'stall-body';
  afterBytes?: number;
}

/** The connection is accepted and then nothing happens; the target never sees the request. */
export interface HangFault {
  kind: 'hang';
}

export type Fault = LatencyFault | StatusFault | ResetFault | DropResponseFault | StallBodyFault | HangFault;
export type FaultKind = Fault['kind'];

export interface FaultMatch {
  /** Case-insensitive. */
  method?: string;
  /** A string equals the path without query; a RegExp is tested against the path without query. */
  path?: string | RegExp;
  /** Compared with the operation header the client sets (see `operationHeader`). */
  operationId?: string;
  /** Compared with the check header the client sets: a check's fault hits its own requests only, whatever runs beside it. */
  check?: string;
}

export interface FaultRule {
  /** Omitted fields match anything; no `match` at all matches every request. */
  match?: FaultMatch;
  /** How many of the next matching requests get the fault. Default 1. */
  times?: number;
  fault: Fault;
}

/** A scheduled rule and how many more matching requests it will still affect. */
export interface PendingRule {
  rule: FaultRule;
  remaining: number;
}

/** What the proxy did with one request. Pushed on arrival and completed as the exchange goes on. */
export interface ProxyEvent {
  /** 1-based arrival order. */
  seq: number;
  method: string;
  /** Path and query as the client sent them. */
  path: string;
  operationId: string | undefined;
  /** The check the request was sent for (the client's check header), when it named one. */
  check: string | undefined;
  /** The headers named in `logHeaders`, lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The injected fault's kind, or 'forwarded' when none applied. */
  outcome: FaultKind | 'forwarded';
  fault: Fault | undefined;
  /** Whether the request was sent to the target (it may have committed it even if the client saw nothing). */
  forwarded: boolean;
  /** Status the target answered, when it did. */
  upstreamStatus: number | undefined;
  /** Status line sent to the client, if any was. */
  status: number | undefined;
  /** Clock time (profile ms) of arrival. */
  at: number;
  /** Clock time the proxy let go of the exchange: answer finished, socket reset, or hold released. */
  endedAt: number | undefined;
  /** What went wrong on the proxy's side: target unreachable, client gone mid-answer, proxy closed. */
  error: string | undefined;
}

export interface FaultProxyOptions {
  /** Base URL of the target, http or https; its path becomes the base path of `url`. */
  target: string;
  /**
   * TLS to an https target (a sandbox): e.g. `{ ca }` for a private CA. The client still speaks plain
   * http to the proxy on loopback, so faults are injected at the HTTP level whatever the target speaks.
   */
  targetTls?: TargetTls;
  /** Scales latency and hold limits. Default: real time (scale 1). */
  clock?: Clock;
  /** Header carrying the operation id, matched by `match.operationId` and stripped. Default 'x-railgate-operation'. */
  operationHeader?: string;
  /** Header names copied into each event (e.g. the profile's idempotency key header). */
  logHeaders?: readonly string[];
  /**
   * Longest a held socket (drop-response, stall-body, hang) stays open, profile ms; then it is reset.
   * A backstop for clients without a timeout. Default 600 000 (10 min).
   */
  maxHoldMs?: number;
}

export interface TargetTls {
  ca?: string | Buffer | Array<string | Buffer>;
  rejectUnauthorized?: boolean;
  servername?: string;
}

export interface FaultProxy {
  /** Use in place of the target base URL: same base path, loopback origin. */
  readonly url: string;
  /** Every request seen, in arrival order. */
  readonly log: readonly ProxyEvent[];
  /** Adds a rule after the ones already pending; throws TypeError/RangeError on a malformed rule. */
  schedule(rule: FaultRule): void;
  /** Rules not used up yet, with the times they have left: a scenario's fault that never fired is a setup error. */
  pending(): PendingRule[];
  /**
   * Drops pending rules and empties the log: a clean slate between scenarios. With `check`, only that check's
   * rules go (the log, shared with checks running beside it, stays).
   */
  clear(check?: string): void;
  /** Ends every socket, held ones included, and the pool to the target. Idempotent. */
  close(): Promise<void>;
}
