import type { StateMachineSpec } from '../profile/index.ts';
import { knownStates, reachable } from './machine.ts';
import type { Observed } from './machine.ts';

/** An event about one transaction: its state and, when the partner dates it, when it happened (a number that orders). */
export interface DatedObserved extends Observed {
  at?: number;
}

/** An event in the order it happened; `lateAfter`: it arrived after this one, which happened later. */
export type Ordered<T> = T & { lateAfter?: T };

/**
 * How far along the machine each state is (pure): how many other states can lead to it. A state reached later
 * on the forward path always counts more — whatever leads to the earlier one leads to it too, and so does the
 * earlier one itself. States the machine does not name count 0.
 */
export function forwardRanks(m: StateMachineSpec | undefined): Map<string, number> {
  const ranks = new Map<string, number>();
  if (!m) return ranks;
  const states = [...knownStates(m)];
  for (const s of states) ranks.set(s, 0);
  for (const from of states) for (const to of reachable(m, from)) if (to !== from) ranks.set(to, (ranks.get(to) ?? 0) + 1);
  return ranks;
}

/**
 * The events about one transaction in the order they happened (pure): by the partner's own time when every
 * event carries one, then by the machine (for equal times, a state further along sorts after), then by
 * arrival. Partners promise no delivery order, so an event that arrived after one that happened later is
 * kept in its place and marked `lateAfter` — recorded, never read as the transaction going back.
 */
export function orderEvents<T extends DatedObserved>(m: StateMachineSpec | undefined, arrived: readonly T[]): Array<Ordered<T>> {
  const ranks = forwardRanks(m);
  // A time on some events only cannot order them against the rest: then the machine and arrival decide.
  const dated = arrived.every((e) => e.at !== undefined);
  const sorted = arrived
    .map((e, arrival) => ({ e, arrival }))
    .sort((a, b) => (dated ? (a.e.at as number) - (b.e.at as number) : 0) || (ranks.get(a.e.state) ?? 0) - (ranks.get(b.e.state) ?? 0) || a.arrival - b.arrival);
  return sorted.map(({ e, arrival }, place) => {
    // Of the events that arrived before it, the one that happened last — if that is after it, it came late.
    const overtaken = sorted.findLast((o, at) => at > place && o.arrival < arrival);
    return overtaken ? { ...e, lateAfter: overtaken.e } : e;
  });
}

/**
 * The last state the partner announced (pure): the furthest along the machine among the events, not the last
 * to arrive; among equals (two terminal states), the one that happened last. `ordered` as `orderEvents` gives it.
 */
export function furthestEvent<T extends Observed>(m: StateMachineSpec | undefined, ordered: readonly T[]): T | undefined {
  const ranks = forwardRanks(m);
  let furthest: T | undefined;
  for (const e of ordered) if (!furthest || (ranks.get(e.state) ?? 0) >= (ranks.get(furthest.state) ?? 0)) furthest = e;
  return furthest;
}
