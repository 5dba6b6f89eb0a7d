export { idempotencyFamily } from './family.ts';
export { judgeConcurrency, judgeDistinctKeys, judgeLostResponse, judgeMismatch, judgeMissingKey, judgeReplay, countProblem } from './judge.ts';
export { readAnswer } from './answer.ts';

export type { Answer } from './answer.ts';
export type { TxCount } from './judge.ts';
export type { Subject } from './subject.ts';
