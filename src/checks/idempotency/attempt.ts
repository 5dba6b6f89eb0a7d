import type { RequestParts, SendOptions } from '../../http/index.ts';
import { patientTimeouts } from '../patience.ts';
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
