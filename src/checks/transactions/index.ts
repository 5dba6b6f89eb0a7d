export { transactionsFamily } from './family.ts';
export { judgeEvents } from './webhooks-check.ts';
