import { checkResponse } from '../../contract/index.ts';
import type { Operation, SchemaValidators } from '../../contract/index.ts';
import { mapError, UNMAPPED } from '../../errors/index.ts';
import type { ErrorsSpec, Vocabulary } from '../../errors/index.ts';
import type { Exchange } from '../../http/index.ts';
import { networkFailure } from '../../retry/index.ts';
import type { FailureKind } from '../model.ts';
import type { CaseKind } from './cases.ts';

/** What was wrong with an answer: `signature` says which way, so a shrunk request must fail the same way. */
export interface Finding {
  signature: string;
  kind: FailureKind;
  message: string;
}

export interface JudgeSources {
  validators: SchemaValidators;
  errors?: ErrorsSpec;
  vocabulary?: Vocabulary;
}

/**
 * Judges the partner's answer to one case (pure). Every answer: it came, its status is documented for the
 * operation, its headers and body conform, its content type is declared; never a 5xx. Then by kind:
 * - invalid: refused with a 4xx whose error code the profile's errors map knows (a 2xx accepted what the contract forbids);
 * - valid: not refused as malformed (a 400 the errors map reads as a format error);
 * - tolerated: nothing more.
 */
export function judgeAnswer(src: JudgeSources, op: Operation, kind: CaseKind, exchange: Exchange): Finding | undefined {
  const r = exchange.response;
  if (!r) {
    const code = exchange.error?.code ?? 'no response';
    const what = `no answer (${code}: ${exchange.error?.message ?? ''})`;
    // Not reached at all (refused, unknown host, no route): the environment's address, not the partner's answer.
    if (networkFailure(code) === 'refused') return { signature: 'unreachable', kind: 'configuration', message: `${what}: railgate could not reach the partner, so nothing is judged (is the environment's baseUrl right?)` };
    return { signature: 'no-answer', kind: 'partner-defect', message: what };
  }
  if (r.status >= 500) return { signature: `status-${r.status}`, kind: 'partner-defect', message: `answered ${r.status}: a server error, where ${kind === 'invalid' ? 'a documented 4xx' : 'a documented answer'} is due` };
  if (kind === 'invalid' && r.status < 300) return { signature: 'accepted-invalid', kind: 'partner-defect', message: `accepted it with ${r.status}, where the contract forbids it: a documented 4xx is due` };
  const issues = checkResponse(src.validators, op, { status: r.status, headers: r.headers, body: r.body });
  if (issues.length > 0) {
    const first = issues[0]!;
    // The contract's messages name the operation; the check's own name already does.
    const own = `${op.id} `;
    return { signature: first.rule === 'undocumented-status' ? `undocumented-${r.status}` : first.rule, kind: 'contract-drift', message: issues.map((i) => (i.message.startsWith(own) ? i.message.slice(own.length) : i.message)).join('; ') };
  }
  if (r.status < 400 || !src.errors || !src.vocabulary) return undefined;
  const mapped = mapError({ status: r.status, body: r.body }, src.errors, src.vocabulary);
  if (mapped?.canonical === UNMAPPED) {
    const what = mapped.partnerCode === undefined ? 'an error without a partner code and no byStatus rule' : `error code '${mapped.partnerCode}'`;
    return { signature: 'unmapped-error', kind: 'contract-drift', message: `answered ${r.status} with ${what}, which the profile's errors map does not know` };
  }
  if (kind === 'valid' && r.status === 400 && mapped?.category === 'format') {
    return { signature: 'refused-valid', kind: 'partner-defect', message: `refused a request the contract allows as malformed (${r.status}${mapped.partnerCode ? ` ${mapped.partnerCode}` : ''}${mapped.message ? `: ${mapped.message}` : ''})` };
  }
  return undefined;
}
