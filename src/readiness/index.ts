export { judgeReadiness } from './judge.ts';
export type { JudgeInput } from './judge.ts';
export { readinessMarkdown } from './markdown.ts';
export type { CheckOutcome, CheckStatus, FamilyVerdict, Readiness, ReadinessEvidence, Verdict } from './model.ts';
