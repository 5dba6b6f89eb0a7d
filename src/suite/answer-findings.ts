import { CheckFailure } from '../checks/index.ts';
import { isPartnerFinding } from '../checks/model.ts';
import { REFUSAL_CODES } from '../http/index.ts';
import type { Exchange } from '../http/index.ts';

/**
 * Pure: what a check's answers prove by themselves, whatever the check judged: a body over the cap, a
 * redirect to a host the profile does not name, JSON that does not parse under a JSON content-type. Each is
 * the partner's own doing (issue 12: a 100 MB answer once let its check pass, GO).
 */
export function answerFinding(exchanges: readonly Exchange[]): CheckFailure | undefined {
  const lines = answerIssues(exchanges);
  if (lines.length === 0) return undefined;
  return new CheckFailure(`the partner sent ${lines.length === 1 ? 'an answer' : `${lines.length} answers`} railgate cannot take as ${lines.length === 1 ? 'it is' : 'they are'}:\n${lines.join('\n')}`, { kind: 'partner-defect' });
}

function answerIssues(exchanges: readonly Exchange[]): string[] {
  const lines: string[] = [];
  for (const e of exchanges) {
    const where = `#${e.seq} ${e.request.method} ${new URL(e.request.url).pathname}`;
    if (e.error && REFUSAL_CODES.has(e.error.code)) lines.push(`${where}: ${e.error.message}`);
    else if (e.response?.bodyIssue) lines.push(`${where}: the ${e.response.status} answer is ${e.response.bodyIssue}`);
  }
  return lines;
}

/**
 * Runs a check, then holds it to what its answers proved: such an answer fails a check that passed, was
 * skipped (it saw "no answer") or broke on it. A partner finding of the check's own stands, with the
 * answers' issues added: "body must be object" says less than "not valid JSON".
 */
export async function withAnswerFindings<T>(exchanges: () => readonly Exchange[], run: () => Promise<T>): Promise<T> {
  let outcome: T;
  try {
    outcome = await run();
  } catch (e) {
    if (e instanceof CheckFailure && isPartnerFinding(e.kind)) throw withIssues(e, answerIssues(exchanges()));
    throw answerFinding(exchanges()) ?? e;
  }
  const finding = answerFinding(exchanges());
  if (finding) throw finding;
  return outcome;
}

function withIssues(e: CheckFailure, lines: string[]): CheckFailure {
  if (lines.length === 0) return e;
  e.message += `\nanswers railgate cannot take as they are:\n${lines.join('\n')}`;
  e.stack = `${e.name}: ${e.message}`;
  return e;
}
