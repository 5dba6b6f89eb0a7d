import type { Duration, Family } from '../profile/index.ts';

export interface SourceLocation {
  file: string;
  line: number;
  col: number;
}

export interface Expectation {
  status?: number | number[];
  headers?: Record<string, string>;
  body?: unknown;
  pointers?: Record<string, unknown>;
  count?: Record<string, number>;
  /** The canonical code the answer maps to through the profile's `errors` section. */
  canonical?: string;
  noAnswer?: boolean;
}

export interface FaultStep {
  kind: 'latency' | 'status' | 'reset' | 'drop-response' | 'stall-body' | 'hang';
  operation?: string;
  times?: number;
  ms?: Duration;
  when?: 'before-forward' | 'before-respond' | 'after-forward';
  status?: 429 | 500 | 502 | 503 | 504;
  retryAfter?: number | string;
  afterBytes?: number;
}

/** A step as written: exactly one action key (call, replay, poll, sleep, fault, await-webhook), checked by the loader. */
export interface Step {
  call?: string;
  replay?: string;
  poll?: string;
  until?: Record<string, unknown>;
  every?: Duration;
  within?: Duration;
  sleep?: Duration;
  /** An event type to wait for at railgate's webhook receiver. */
  'await-webhook'?: string;
  /** await-webhook: JSON Pointer → value the payload must hold. */
  match?: Record<string, unknown>;
  fault?: FaultStep;
  as?: string;
  params?: Record<string, string | number | boolean>;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  body?: unknown;
  exampleBody?: boolean;
  expect?: Expectation;
  capture?: Record<string, string>;
}

export const STEP_ACTIONS = ['call', 'replay', 'poll', 'sleep', 'fault', 'await-webhook'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

export type Severity = 'blocker' | 'critical' | 'normal' | 'minor' | 'trivial';

/** As written in `suites/<partner>/<name>.yaml` (shape enforced by schemas/scenario.schema.json). */
export interface ScenarioFile {
  name: string;
  title?: string;
  rail: string;
  family?: Family;
  tags?: string[];
  severity?: Severity;
  steps: Step[];
}

/** A scenario with its defaults filled and every step located in its file. */
export interface Scenario {
  name: string;
  title: string;
  rail: string;
  family: Family;
  tags: string[];
  severity: Severity;
  file: string;
  steps: Array<Step & { action: StepAction; loc: SourceLocation; expectAt?: Record<string, SourceLocation> }>;
}

/** The key of a place under a step's `expect` in `expectAt`: its path, e.g. `["body","amount"]`. */
export function expectKey(path: ReadonlyArray<string | number>): string {
  return JSON.stringify(path.map(String));
}
