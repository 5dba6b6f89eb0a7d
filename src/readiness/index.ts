export { judgeReadiness } from './judge.ts';
export type { JudgeInput } from './judge.ts';
export { coverageReason, operationCoverage } from './operations.ts';
export type { OperationScope } from './operations.ts';
export { readinessMarkdown } from './markdown.ts';
export type { CheckOutcome, CheckStatus, FamilyVerdict, OperationCoverage, OperationRow, Readiness, ReadinessEvidence, Verdict } from './model.ts';
