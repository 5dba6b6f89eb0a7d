import type { Fault, FaultRule } from './types.ts';

// Rules come from YAML scenarios through the runner; a typo must fail at schedule() with the
// field and the valid values, not show up later as a fault that silently never fires.
const STATUSES = [429, 500, 502, 503, 504];
const LATENCY_WHEN = ['before-forward', 'before-respond'];
const RESET_WHEN = ['before-forward', 'after-forward'];
const KINDS = ['latency', 'status', 'reset', 'drop-response', 'stall-body', 'hang'];

/** Throws TypeError (wrong shape) or RangeError (bad number) naming the field; returns `times`. */
export function checkRule(rule: FaultRule): number {
  const times = rule.times ?? 1;
  if (!Number.isInteger(times) || times < 1) throw new RangeError(`fault rule: times must be an integer >= 1, got ${String(rule.times)}`);
  const path = rule.match?.path;
  if (path !== undefined && typeof path !== 'string' && !(path instanceof RegExp)) {
    throw new TypeError('fault rule: match.path must be a string or a RegExp');
  }
  checkFault(rule.fault);
  return times;
}

function checkFault(fault: Fault): void {
  switch (fault?.kind) {
    case 'latency':
      if (!Number.isFinite(fault.ms) || fault.ms < 0) throw new RangeError(`latency fault: ms must be a finite number >= 0, got ${String(fault.ms)}`);
      return oneOf('latency fault: when', fault.when, LATENCY_WHEN);
    case 'status':
      oneOf('status fault: status', fault.status, STATUSES);
      if (typeof fault.retryAfter === 'number' && !(Number.isInteger(fault.retryAfter) && fault.retryAfter >= 0)) {
        // RFC 9110 §10.2.3: delay-seconds is 1*DIGIT; a fraction would be a malformed header.
        throw new RangeError(`status fault: retryAfter seconds must be an integer >= 0, got ${fault.retryAfter}; pass a string to send it verbatim`);
      }
      return;
    case 'reset':
      return oneOf('reset fault: when', fault.when, RESET_WHEN);
    case 'stall-body':
      if (fault.afterBytes !== undefined && !(Number.isInteger(fault.afterBytes) && fault.afterBytes >= 0)) {
        throw new RangeError(`stall-body fault: afterBytes must be an integer >= 0, got ${String(fault.afterBytes)}`);
      }
      return;
    case 'drop-response':
    case 'hang':
      return;
    default:
      return oneOf('fault: kind', (fault as { kind?: unknown } | undefined)?.kind, KINDS);
  }
}

function oneOf(field: string, value: unknown, allowed: readonly unknown[]): void {
  if (!allowed.includes(value)) {
    throw new TypeError(`${field} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}; got ${JSON.stringify(value)}`);
  }
}
