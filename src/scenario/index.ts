export { loadScenarios } from './load-scenarios.ts';
export type { ScenarioTerms, StepTerms } from './check-terms.ts';
export { executeScenario, judgeExpectation } from './execute.ts';
export { interpolate, UnknownVariable } from './interpolate.ts';
export { setupScenario } from './setup.ts';
export type { CanonicalMapping } from './expect-canonical.ts';
export type { Variables } from './interpolate.ts';
export { STEP_ACTIONS } from './model.ts';
export type { Expectation, FaultStep, Scenario, ScenarioFile, Severity, SourceLocation, Step, StepAction } from './model.ts';
