import { describeAnswer } from '../../idempotency/index.ts';
import type { ResolvedIdempotency } from '../../idempotency/index.ts';
import { describe, isSuccess, matchesAnswer } from './answer.ts';
import type { Answer } from './answer.ts';

/** The transactions the partner's own API shows for one check's reference (or for the ids its answers named). */
export interface TxCount {
  ids: string[];
  /** How they were counted, e.g. "listPayouts?reference=RG-7Q2M": said in every message that uses the count. */
  how: string;
}

/**
 * The judges (pure): what each check saw → the problems, most serious first. An empty list is a pass.
 * Every duplicate is named by its transaction ids, so a reviewer can find them in the partner's back office.
 */

/** "2 transactions (po_A, po_B) where 1 was due, by listPayouts?reference=R" — or nothing when the count is right. */
export function countProblem(count: TxCount, due: number, what: string): string[] {
  if (count.ids.length === due) return [];
  const listed = count.ids.length === 0 ? 'no transaction' : `${count.ids.length} transaction${count.ids.length > 1 ? 's' : ''} (${count.ids.join(', ')})`;
  const dup = count.ids.length > due && due > 0 ? 'duplicate transactions: ' : '';
  return [`${dup}${what} made ${listed} where ${due} ${due === 1 ? 'was' : 'were'} due, by ${count.how}`];
}

export function judgeReplay(s: { first: Answer; replay: Answer; count: TxCount; spec: ResolvedIdempotency }): string[] {
  const { first, replay, spec } = s;
  const problems = countProblem(s.count, 1, `the same request replayed with ${spec.header} ${first.key}`);
  if (replay.status !== first.status || replay.id !== first.id) problems.push(`the replay answered ${describe(replay)}, the original ${describe(first)}`);
  if (spec.replayHeader && !replay.replayed) problems.push(`the replay lacks the documented ${spec.replayHeader} header`);
  return problems;
}

export function judgeMismatch(s: { first: Answer; other: Answer; count: TxCount; spec: ResolvedIdempotency }): string[] {
  const { first, other, spec } = s;
  const problems = countProblem(s.count, 1, `${spec.header} ${first.key} reused with another amount`);
  if (isSuccess(other)) {
    const how = other.id === first.id ? `the original ${first.id} for another body` : `a new transaction ${other.id ?? '(no id)'} besides ${first.id}`;
    problems.push(`the key reused with another body was accepted (${other.status}: ${how}); the profile documents ${describeAnswer(spec.mismatch)}`);
  } else if (!matchesAnswer(other, spec.mismatch)) {
    problems.push(`the key reused with another body was answered ${describe(other)}; the profile documents ${describeAnswer(spec.mismatch)}`);
  }
  return problems;
}

export function judgeConcurrency(s: { answers: Answer[]; count: TxCount; spec: ResolvedIdempotency }): string[] {
  const { answers, spec } = s;
  const key = answers[0]?.key;
  const problems = countProblem(s.count, 1, `${answers.length} simultaneous requests with ${spec.header} ${key}`);
  const ids = [...new Set(answers.filter(isSuccess).map((a) => a.id ?? '(no id)'))];
  if (ids.length === 0) problems.push(`none of the ${answers.length} requests was answered with the transaction`);
  if (ids.length > 1) problems.push(`the answers name ${ids.length} different transactions: ${ids.join(', ')}`);
  const inFlight = spec.inFlight;
  const odd = answers.filter((a) => !isSuccess(a) && (inFlight === 'replay' || !matchesAnswer(a, inFlight)));
  if (odd.length > 0) problems.push(`${odd.length} answer${odd.length > 1 ? 's were' : ' was'} neither the replay nor the documented in-flight answer (${describeAnswer(inFlight)}): ${odd.map(describe).join(', ')}`);
  return problems;
}

export function judgeMissingKey(s: { answer: Answer; count: TxCount; spec: ResolvedIdempotency }): string[] {
  const { answer, spec } = s;
  if (spec.missingKey === 'accepted') {
    const problems = countProblem(s.count, 1, `a request without ${spec.header}`);
    if (!isSuccess(answer)) problems.push(`a request without ${spec.header} was answered ${describe(answer)}; the profile documents it is accepted`);
    return problems;
  }
  const problems = countProblem(s.count, 0, `a request without ${spec.header}`);
  if (!matchesAnswer(answer, spec.missingKey)) problems.push(`a request without ${spec.header} was answered ${describe(answer)}; the profile documents ${describeAnswer(spec.missingKey)}`);
  return problems;
}

/** The lost answer: the retries' answers in order, the last of which must be the original outcome. */
export function judgeLostResponse(s: { retries: Answer[]; count: TxCount; spec: ResolvedIdempotency }): string[] {
  const { retries, spec } = s;
  const last = retries.at(-1);
  const problems = countProblem(s.count, 1, `the retry with ${spec.header} ${last?.key} after a lost answer`);
  if (!last || !isSuccess(last)) problems.push(`the retries never got the original outcome: ${retries.map(describe).join(', ') || 'no retry'}`);
  else if (!s.count.ids.includes(last.id ?? '')) problems.push(`the retry answered ${describe(last)}, a transaction not listed by ${s.count.how}`);
  const odd = retries.slice(0, -1).filter((a) => spec.inFlight === 'replay' || !matchesAnswer(a, spec.inFlight));
  if (odd.length > 0) problems.push(`retries were answered neither with the original nor the documented in-flight answer (${describeAnswer(spec.inFlight)}): ${odd.map(describe).join(', ')}`);
  return problems;
}

export function judgeDistinctKeys(s: { a: Answer; b: Answer; count: TxCount; spec: ResolvedIdempotency }): string[] {
  const { a, b, spec } = s;
  if (spec.dedupeOnBody) return countProblem(s.count, 1, `two keys with the same body (the profile says the partner deduplicates on the body)`);
  const problems = countProblem(s.count, 2, `two requests with distinct keys (${a.key}, ${b.key}) and the same body`);
  if (!isSuccess(a) || !isSuccess(b)) problems.push(`both requests must be accepted: answered ${describe(a)} and ${describe(b)}`);
  else if (a.id === b.id) problems.push(`both answers name one transaction (${a.id}): the partner deduplicates on the body, and the profile says it does not (dedupeOnBody)`);
  return problems;
}
