// Family `errors`: the profile's error map, judged statically, by triggers, and over the whole run.
export { errorsFamily } from './family.ts';
export { lintErrorMap, documentedCodes } from './lint-error-map.ts';
export { ERROR_MAP_CHECKS } from './static-checks.ts';
export { expectTrigger, judgeTriggerAnswer } from './judge-trigger.ts';
export { observeErrors, describeUnmapped } from './observe.ts';
export { triggerOverrides } from './trigger-request.ts';

export type { ErrorMapSource, LocatedFinding } from './lint-error-map.ts';
export type { TriggerExpectation, TriggerJudgeContext } from './judge-trigger.ts';
export type { SeenError } from './observe.ts';
