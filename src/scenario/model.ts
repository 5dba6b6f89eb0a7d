import type { Family } from '../profile/index.ts';

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
}

export interface CallStep {
  call: string;
  as?: string;
  params?: Record<string, string | number | boolean>;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  body?: unknown;
  exampleBody?: boolean;
  expect?: Expectation;
  capture?: Record<string, string>;
}

export type Severity = 'blocker' | 'critical' | 'normal' | 'minor' | 'trivial';

/** As written in `suites/<partner>/<name>.yaml` (shape enforced by schemas/scenario.schema.json). */
export interface ScenarioFile {
  name: string;
  title?: string;
  rail: string;
  family?: Family;
  tags?: string[];
  severity?: Severity;
  steps: CallStep[];
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
  steps: Array<CallStep & { loc: SourceLocation }>;
}
