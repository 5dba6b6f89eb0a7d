import type { Operation } from '../contract/index.ts';
import { getPointer, toPointer } from '../json/index.ts';

/** Pure: the statuses under which an operation's contract shows `code` in an example, as written ('422', '4XX'). */
export function statusesOfCode(op: Operation, code: string, codeLocation: string): string[] {
  const at = toPointer(codeLocation);
  return op.responses.filter((r) => r.content.some((m) => Object.values(m.examples).some((ex) => String(getPointer(ex, at)) === code))).map((r) => r.status);
}

/** Pure: whether an error trigger asks the partner for a 429 (its own status, or its code documented under 429). */
export function triggersRateLimit(op: Operation, trigger: { code: string; status?: number }, codeLocation: string | undefined): boolean {
  return trigger.status === 429 || (codeLocation !== undefined && statusesOfCode(op, trigger.code, codeLocation).includes('429'));
}
