import type { Operation } from '../../contract/index.ts';
import type { Exchange } from '../../http/index.ts';
import type { SigningTrace } from '../../signer/index.ts';
import { CheckFailure } from '../model.ts';
import { answeredCode, describeExpected } from './expected.ts';
import type { ExpectedRejection } from './expected.ts';

/** One request a forgery sent, with what was signed and what was changed after signing. */
export interface Attempt {
  exchange: Exchange;
  trace?: SigningTrace;
  /** What makes it a forgery, said plainly: "the body was changed after signing (…)". */
  note?: string;
}

/** The evidence part of a failure: what was changed, and the exact text that was signed (secrets redacted). */
export function evidence(attempt: Attempt, redact: (text: string) => string): string {
  const lines: string[] = [];
  if (attempt.note) lines.push(attempt.note);
  const t = attempt.trace;
  if (t) {
    lines.push(`${t.kind} that was signed (${t.algorithm}):`);
    for (const line of redact(t.text).split('\n')) lines.push(`  | ${line}`);
    lines.push(`signature sent: ${t.signature}`);
  }
  return lines.join('\n');
}

function answered(exchange: Exchange, codeAt: string | undefined): string {
  const res = exchange.response;
  if (!res) return `no answer (${exchange.error?.code ?? 'error'})`;
  const code = answeredCode(res.body, codeAt);
  return `${res.status}${code ? ` ${code}` : ''}`;
}

/** The partner must refuse the forgery, with the status and code the profile documents. */
export function judgeRejection(op: Operation, title: string, attempt: Attempt, expected: ExpectedRejection, redact: (text: string) => string): void {
  const res = attempt.exchange.response;
  const proof = evidence(attempt, redact);
  if (!res) throw new CheckFailure(`${op.id}: no answer to a forgery (${title}): ${attempt.exchange.error?.message ?? ''}\n${proof}`);
  if (res.status === 429 && !expected.statuses.includes(429)) throw rateLimitedBefore(op, `the forgery (${title})`, proof);
  const code = answeredCode(res.body, expected.codeAt);
  if (res.status < 400) {
    throw new CheckFailure(`${op.id} accepted a forgery: ${title} — answered ${res.status}; a strict partner answers ${describeExpected(expected)} (${expected.detection}).\n${proof}`);
  }
  const statusOk = expected.statuses.includes(res.status);
  const codeOk = expected.code === undefined || code === expected.code;
  if (!statusOk || !codeOk) {
    throw new CheckFailure(`${op.id} refused a forgery (${title}) with ${answered(attempt.exchange, expected.codeAt)}, but the profile documents ${describeExpected(expected)} for ${expected.detection}.\n${proof}`, { kind: 'contract-drift' });
  }
}

/** A correctly signed request (or one within the tolerated skew) must get through authentication. */
export function judgeAcceptance(op: Operation, title: string, attempt: Attempt, expected: ExpectedRejection, redact: (text: string) => string): void {
  const res = attempt.exchange.response;
  const proof = evidence(attempt, redact);
  if (!res) throw new CheckFailure(`${op.id}: no answer to ${title}: ${attempt.exchange.error?.message ?? ''}\n${proof}`);
  if (res.status === 429 && !expected.statuses.includes(429)) throw rateLimitedBefore(op, title, proof);
  if (res.status === 401 || res.status === 403 || expected.statuses.includes(res.status)) {
    const message = typeof res.body === 'object' ? JSON.stringify(res.body) : String(res.body ?? '');
    throw new CheckFailure(`${op.id} refused ${title}: answered ${answered(attempt.exchange, expected.codeAt)} ${message.slice(0, 300)}\n${proof}`);
  }
}

/**
 * Rate limited: the partner has not said whether it accepts the request (a gateway answers 429 before any signature
 * check), so it is neither accepted nor refused as documented: not judged, never a finding.
 */
function rateLimitedBefore(op: Operation, what: string, proof: string): CheckFailure {
  return new CheckFailure(`${op.id}: rate limited (429) before it judged ${what}: not judged; run when the partner's limit allows\n${proof}`, { kind: 'configuration' });
}
