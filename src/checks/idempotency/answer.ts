import { extractPartnerCode } from '../../errors/index.ts';
import type { Exchange } from '../../http/index.ts';
import type { IdempotencyAnswer } from '../../idempotency/index.ts';
import { getPointer } from '../../json/index.ts';

/** One answer to one attempt, as the judges see it (pure data read out of an exchange). */
export interface Answer {
  /** The exchange's order in the run, to find it in the report. */
  seq: number;
  key?: string;
  status?: number;
  code?: string;
  /** The transaction id of a 2xx answer. */
  id?: string;
  /** The replay marker header was present. */
  replayed: boolean;
  /** No answer at all: the transport error's code (DEADLINE, ECONNRESET …). */
  error?: string;
}

export function readAnswer(e: Exchange, where: { idPointer: string; codePointer?: string; replayHeader?: string }, key?: string): Answer {
  const r = e.response;
  if (!r) return { seq: e.seq, key, replayed: false, error: e.error?.code ?? 'NO_ANSWER' };
  const ok = r.status >= 200 && r.status < 300;
  const id = ok ? getPointer(r.body, where.idPointer) : undefined;
  const code = !ok && where.codePointer ? extractPartnerCode(r.body, { code: where.codePointer }).code : undefined;
  return {
    seq: e.seq,
    key,
    status: r.status,
    ...(code !== undefined && { code }),
    ...((typeof id === 'string' || typeof id === 'number') && { id: String(id) }),
    replayed: where.replayHeader !== undefined && r.headers[where.replayHeader.toLowerCase()] !== undefined,
  };
}

export function isSuccess(a: Answer): boolean {
  return a.status !== undefined && a.status >= 200 && a.status < 300;
}

/** The documented answer: its status, and its code when the profile gives one. */
export function matchesAnswer(a: Answer, documented: IdempotencyAnswer): boolean {
  return a.status === documented.status && (documented.code === undefined || a.code === documented.code);
}

/** "201 po_8fK2", "409 IDEMPOTENCY_KEY_IN_FLIGHT", "no answer (DEADLINE)": how messages name an answer. */
export function describe(a: Answer): string {
  if (a.status === undefined) return `no answer (${a.error ?? 'unknown'})`;
  return [a.status, a.id ?? a.code].filter((x) => x !== undefined).join(' ');
}
