import type { ClientTimeouts, RequestParts, SendOptions } from '../../http/index.ts';
import { parseDuration } from '../../profile/index.ts';
import { CheckFailure } from '../model.ts';
import type { CheckContext } from '../model.ts';
import { readAnswer } from './answer.ts';
import type { Answer } from './answer.ts';
import { withKey } from './request.ts';
import type { Subject } from './subject.ts';

/** One attempt, reported as a step whose label carries its key: Allure shows which request used which key. */
export async function sendAttempt(ctx: CheckContext, subject: Subject, parts: RequestParts, key: string | undefined, label: string, opts?: SendOptions): Promise<Answer> {
  const { spec } = subject;
  const e = await ctx.call(subject.op.id, withKey(parts, spec, key), `${label} · ${key === undefined ? `no ${spec.header}` : `${spec.header} ${key}`}`, { timeouts: patientTimeouts(ctx), ...opts });
  return readAnswer(e, { idPointer: subject.idPointer, codePointer: subject.codePointer, replayHeader: spec.replayHeader }, key);
}

/** The judges' problems, as the check's failure; the first line names the duplicated transactions. */
export function failOn(problems: string[]): void {
  if (problems.length > 0) throw new CheckFailure(problems.join('\n'));
}

/** Real ms every call of the family may take at least: client, fault layer and simulator share one event loop. */
const REAL_FLOOR_MS = 5_000;

/**
 * The family judges duplicates, not latency (the retry family does): every phase of its calls gets the
 * profile's whole deadline, and at least REAL_FLOOR_MS of real time, because a request that times out is
 * itself an ambiguous outcome, and CPU time does not shrink with the time scale (at 0.01 a 2 s connect
 * timeout is 20 ms, less than ten loopback connects take on a busy runner).
 */
export function patientTimeouts(ctx: CheckContext): ClientTimeouts {
  const t = ctx.partner.profile.timeouts;
  const ms = Math.max(parseDuration(t?.deadline ?? '30s'), ctx.clock.toScaled(REAL_FLOOR_MS));
  return { connectMs: ms, headersMs: ms, bodyMs: ms, deadlineMs: ms };
}
