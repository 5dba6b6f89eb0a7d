import { checkRule } from './check-rule.ts';
import type { Fault, FaultRule, PendingRule } from './types.ts';

/** The parts of a request a rule can match on. */
export interface RequestKey {
  method: string;
  /** Path without query. */
  pathname: string;
  operationId: string | undefined;
  /** The check the request was sent for, when the client named one. */
  check?: string | undefined;
}

export interface Schedule {
  add(rule: FaultRule): void;
  /** The fault for this request, using up one of its rule's times; undefined when no rule matches. */
  take(request: RequestKey): Fault | undefined;
  pending(): PendingRule[];
  /** Drops every rule, or only those of one check. */
  clear(check?: string): void;
  readonly size: number;
}

/** Pure, ordered rule list: the first pending rule that matches wins, in schedule order. */
export function createSchedule(): Schedule {
  let rules: PendingRule[] = [];
  return {
    add(rule) {
      rules.push({ rule, remaining: checkRule(rule) });
    },
    take(request) {
      // Linear scan: a scenario schedules a handful of rules, and an empty list costs nothing.
      for (let i = 0; i < rules.length; i++) {
        const entry = rules[i] as PendingRule;
        if (!matches(entry.rule, request)) continue;
        if (--entry.remaining === 0) rules.splice(i, 1);
        return entry.rule.fault;
      }
      return undefined;
    },
    pending: () => rules.map((r) => ({ ...r })),
    clear(check) {
      rules = check === undefined ? [] : rules.filter((r) => r.rule.match?.check !== check);
    },
    get size() {
      return rules.length;
    },
  };
}

export function matches(rule: FaultRule, request: RequestKey): boolean {
  const m = rule.match;
  if (!m) return true;
  if (m.method !== undefined && m.method.toUpperCase() !== request.method.toUpperCase()) return false;
  if (m.operationId !== undefined && m.operationId !== request.operationId) return false;
  if (m.check !== undefined && m.check !== request.check) return false;
  if (m.path === undefined) return true;
  if (typeof m.path === 'string') return m.path === request.pathname;
  // A /g or /y RegExp keeps lastIndex between test() calls and would match every other request.
  m.path.lastIndex = 0;
  return m.path.test(request.pathname);
}
