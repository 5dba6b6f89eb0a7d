import type { StateMachineSpec } from '../profile/index.ts';

/** One state as seen: by a read (sampled: states may be skipped) or a webhook (each change announced). */
export interface Observed {
  state: string;
  /** What saw it, for messages: `read #12`, `evt_9f… (payout.status_changed)`. */
  source: string;
}

export interface StateFinding {
  kind: 'unknown-state' | 'illegal-transition' | 'after-terminal' | 'not-initial' | 'skipped-state';
  message: string;
  /** The observation that breaks the machine. */
  at: Observed;
}

export const isTerminal = (m: StateMachineSpec, state: string): boolean => m.terminal.includes(state);

/** Every state the machine names. */
export function knownStates(m: StateMachineSpec): Set<string> {
  return new Set([m.initial, ...m.terminal, ...Object.keys(m.transitions ?? {}), ...Object.values(m.transitions ?? {}).flat()]);
}

/** States reachable from `from` by one or more allowed transitions. */
export function reachable(m: StateMachineSpec, from: string): Set<string> {
  const seen = new Set<string>();
  const todo = [...(m.transitions?.[from] ?? [])];
  while (todo.length > 0) {
    const s = todo.pop() as string;
    if (seen.has(s)) continue;
    seen.add(s);
    todo.push(...(m.transitions?.[s] ?? []));
  }
  return seen;
}

/**
 * Judges one observed sequence against the machine (pure). `every: true` for webhooks: each change must be
 * one allowed transition, and the first event the initial state. Reads sample, so a read may skip states
 * but never go where the machine cannot. A change out of a terminal state is always illegal.
 */
export function judgeStates(m: StateMachineSpec, seq: readonly Observed[], opts: { every: boolean }): StateFinding[] {
  const findings: StateFinding[] = [];
  const known = knownStates(m);
  let prev: Observed | undefined;
  for (const o of seq) {
    if (!known.has(o.state)) {
      findings.push({ kind: 'unknown-state', at: o, message: `${o.source} shows state ${o.state}, which the profile's machine does not name (${[...known].join(', ')})` });
      prev = o;
      continue;
    }
    if (!prev) {
      if (opts.every && o.state !== m.initial) findings.push({ kind: 'not-initial', at: o, message: `${o.source} is the first event and shows ${o.state}: no event announced the initial state ${m.initial}` });
      else if (o.state !== m.initial && !reachable(m, m.initial).has(o.state)) findings.push({ kind: 'illegal-transition', at: o, message: `${o.source} shows ${o.state}, which cannot follow the initial state ${m.initial}` });
      prev = o;
      continue;
    }
    if (o.state === prev.state) continue;
    if (isTerminal(m, prev.state)) {
      findings.push({ kind: 'after-terminal', at: o, message: `illegal transition ${prev.state} → ${o.state}: ${prev.source} showed the terminal state ${prev.state}, then ${o.source} shows ${o.state}` });
    } else if (!(m.transitions?.[prev.state] ?? []).includes(o.state)) {
      const far = reachable(m, prev.state).has(o.state);
      if (!far) findings.push({ kind: 'illegal-transition', at: o, message: `illegal transition ${prev.state} → ${o.state} (${prev.source}, then ${o.source}); allowed from ${prev.state}: ${(m.transitions?.[prev.state] ?? []).join(', ') || 'nothing'}` });
      else if (opts.every) findings.push({ kind: 'skipped-state', at: o, message: `no webhook for a state change: ${prev.source} announced ${prev.state}, then ${o.source} announced ${o.state}, which cannot follow ${prev.state} directly` });
    }
    prev = o;
  }
  return findings;
}
