export { loadScenarios } from './load-scenarios.ts';
export { executeScenario, judgeExpectation } from './execute.ts';
export { interpolate, UnknownVariable } from './interpolate.ts';
export type { Variables } from './interpolate.ts';
export type { CallStep, Expectation, Scenario, ScenarioFile, Severity, SourceLocation } from './model.ts';
