export { conformanceFamily, DEFAULT_MAX_CASES, servesPath } from './family.ts';
export { operationCases, withinBudget } from './cases.ts';
export type { CaseKind, ConformanceCase } from './cases.ts';
export { judgeAnswer } from './judge.ts';
export { curlLine, exactPattern } from './repro.ts';
