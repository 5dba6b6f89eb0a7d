import type { Operation } from '../contract/index.ts';
import type { ErrorsSpec, ErrorTrigger } from '../errors/index.ts';
import { getPointer, toPointer } from '../json/index.ts';

// How the simulator answers the profile's error triggers: the partner's documented error for the code,
// unless a planted defect (defects.ts) says otherwise.

/** A partner code no contract documents and no profile maps: what `undocumented-error-code` answers. */
export const UNDOCUMENTED_CODE = 'SIM_UNDOCUMENTED_ERROR';

/** The parts of a request a trigger can match. Header names are lower-case. */
export interface TriggerRequest {
  body: unknown;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
}

export interface TriggerAnswer {
  status: number;
  code: string;
  message: string;
}

/**
 * The error the simulator answers for a request that carries a trigger of `op`, or undefined. A trigger
 * matches when it names at least one of body / params / headers and every one it names matches: the body
 * as a fragment, params by path or query value, headers by value.
 */
export function answerTrigger(errors: ErrorsSpec | undefined, op: Operation, req: TriggerRequest, defects: ReadonlySet<string>): TriggerAnswer | undefined {
  const trigger = errors && triggersOf(errors, op.id).find((t) => matches(t, req));
  if (!errors || !trigger) return undefined;
  const status = trigger.status ?? documentedStatus(op, trigger.code, errors.code) ?? 422;
  const code = defects.has('undocumented-error-code') ? UNDOCUMENTED_CODE : trigger.code;
  return {
    status: defects.has('wrong-error-status') ? otherErrorStatus(op, status) : status,
    code,
    message: `simulated ${code}`,
  };
}

/** The profile's triggers by operation, in the profile's order: looked up at every request, indexed once. */
const byOperation = new WeakMap<ErrorsSpec, Map<string, ErrorTrigger[]>>();

function triggersOf(errors: ErrorsSpec, opId: string): readonly ErrorTrigger[] {
  let index = byOperation.get(errors);
  if (!index) {
    index = new Map();
    for (const t of errors.triggers ?? []) index.set(t.operation, [...(index.get(t.operation) ?? []), t]);
    byOperation.set(errors, index);
  }
  return index.get(opId) ?? [];
}

function matches(t: ErrorTrigger, req: TriggerRequest): boolean {
  if (t.body === undefined && t.params === undefined && t.headers === undefined) return false;
  if (t.body !== undefined && !containsFragment(req.body, t.body)) return false;
  const params = Object.entries(t.params ?? {});
  if (!params.every(([name, v]) => (req.pathParams[name] ?? req.query[name]) === String(v))) return false;
  return Object.entries(t.headers ?? {}).every(([name, v]) => req.headers[name.toLowerCase()] === v);
}

/**
 * Whether `actual` contains the fragment, as findMismatch finds no mismatch (json/merge.ts): every key of an object
 * and every item of an array, leaves strictly equal. A yes or no, without naming where: asked of every trigger of
 * an operation at every request.
 */
function containsFragment(actual: unknown, fragment: unknown): boolean {
  if (Array.isArray(fragment)) return Array.isArray(actual) && fragment.every((v, i) => containsFragment(actual[i], v));
  if (typeof fragment === 'object' && fragment !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    return Object.entries(fragment).every(([k, v]) => containsFragment(a[k], v));
  }
  return actual === fragment;
}

/** The status of the operation's error response whose example carries `code`. */
export function documentedStatus(op: Operation, code: string, codeLocation: string): number | undefined {
  const at = toPointer(codeLocation);
  const response = op.responses.find(
    (r) => /^\d{3}$/.test(r.status) && r.content.some((m) => Object.values(m.examples).some((ex) => getPointer(ex, at) === code)),
  );
  return response === undefined ? undefined : Number(response.status);
}

/** Another error status the operation documents, so only the status is wrong, never the body's shape. */
function otherErrorStatus(op: Operation, status: number): number {
  const other = op.responses.map((r) => Number(r.status)).find((s) => s >= 400 && s <= 599 && s !== status);
  return other ?? (status === 400 ? 422 : 400);
}
