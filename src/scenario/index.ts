export { loadScenarios } from './load-scenarios.ts';
export type { CallStep, Expectation, Scenario, ScenarioFile, Severity, SourceLocation } from './model.ts';
