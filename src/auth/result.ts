/**
 * Verification outcomes are data, not exceptions: `step` is a stable code naming the check that
 * failed first, `reason` is the human sentence. Reporters render them; nothing here prints.
 */
export interface Failure<Step extends string> {
  ok: false;
  step: Step;
  reason: string;
}

export function fail<Step extends string>(step: Step, reason: string): Failure<Step> {
  return { ok: false, step, reason };
}
