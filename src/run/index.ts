export { runSuites } from './run-suites.ts';
export type { RunResult } from './run-suites.ts';
export { OutcomeCollector } from './collect-outcomes.ts';
