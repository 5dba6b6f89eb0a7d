import { extractPartnerCode, mapError } from '../../errors/index.ts';
import type { DocumentedCode, ErrorResponse, ErrorsSpec, ErrorTrigger, Vocabulary } from '../../errors/index.ts';

/** What one trigger must provoke. */
export interface TriggerExpectation {
  code: string;
  /** Statuses the code may come back with: the trigger's own, else those the contract documents. */
  statuses: number[];
  canonical: string;
}

/** What the judge compares against besides the answer. */
export interface TriggerJudgeContext {
  spec: ErrorsSpec;
  vocabulary: Vocabulary;
  documented: readonly DocumentedCode[];
  /** Where the answer breaks the contract (status undocumented, body off-schema), from checkResponse. */
  contractIssues: readonly string[];
}

/**
 * The expectation of a trigger, or why there is none: a trigger must name its status when the contract
 * lists the code without saying which status carries it (an enum on a shared error schema).
 */
export function expectTrigger(trigger: ErrorTrigger, spec: ErrorsSpec, documented: readonly DocumentedCode[]): TriggerExpectation | string {
  const canonical = Object.hasOwn(spec.map, trigger.code) ? spec.map[trigger.code]?.canonical : undefined;
  if (canonical === undefined) return `'${trigger.code}' has no entry in errors.map`;
  const fromContract = documented.flatMap((d) => (d.code === trigger.code && d.status !== undefined ? [d.status] : []));
  const statuses = trigger.status !== undefined ? [trigger.status] : [...new Set(fromContract)].sort((a, b) => a - b);
  if (statuses.length === 0) return `the contract does not say which status carries '${trigger.code}': give the trigger a status`;
  return { code: trigger.code, statuses, canonical };
}

/**
 * Judges the answer to a trigger (pure): the expected partner code, under a documented status, in a body
 * that conforms to the contract, which railgate maps onto the expected canonical code. One line per
 * problem, each naming the partner code it is about; [] when the answer is right.
 */
export function judgeTriggerAnswer(want: TriggerExpectation, answer: ErrorResponse, ctx: TriggerJudgeContext): string[] {
  const problems: string[] = [];
  const got = extractPartnerCode(answer.body, ctx.spec).code;
  if (got === undefined) {
    problems.push(`expected partner code '${want.code}' at ${ctx.spec.code}, the body carries none`);
  } else if (got !== want.code) {
    problems.push(`answered partner code '${got}' instead of '${want.code}'${unknownTo(got, ctx)}`);
  }
  const shown = got ?? want.code;
  if (!want.statuses.includes(answer.status)) {
    problems.push(`'${shown}' came back with HTTP ${answer.status}; expected ${want.statuses.join(' or ')} for '${want.code}'`);
  }
  for (const issue of ctx.contractIssues) problems.push(`the '${shown}' answer breaks the contract: ${issue}`);
  const mapped = mapError(answer, ctx.spec, ctx.vocabulary);
  if (mapped?.canonical !== want.canonical) {
    problems.push(`railgate maps the answer to ${mapped?.canonical ?? 'no error'}${mapped ? ` (by ${mapped.mappedBy})` : ''}, expected ${want.canonical} for '${want.code}'`);
  }
  return problems;
}

/** ": neither the contract nor errors.map knows it", or the half that applies, or ''. */
function unknownTo(code: string, ctx: TriggerJudgeContext): string {
  const inContract = ctx.documented.some((d) => d.code === code);
  const inMap = Object.hasOwn(ctx.spec.map, code);
  if (!inContract && !inMap) return `: neither the contract nor errors.map knows '${code}'`;
  if (!inMap) return `: errors.map does not map '${code}'`;
  return inContract ? '' : `: the contract does not document '${code}'`;
}
