import type { Profile, StateMachineSpec, TransactionSpec } from '../profile/index.ts';
import { knownStates } from './machine.ts';

/** A mistake in the profile's `transactions` section, at its path in the profile. */
export interface SpecProblem {
  path: Array<string | number>;
  message: string;
}

/**
 * What the schema cannot say about `transactions` (pure): machines that name their own states, parents
 * that exist, event types the partner is declared to send (webhooks.events) and that say which state they announce. Each problem is a configuration mistake
 * a run would otherwise report as a partner defect.
 */
export function checkTransactionSpecs(profile: Profile): SpecProblem[] {
  const entries = profile.transactions ?? {};
  const problems: SpecProblem[] = [];
  for (const [key, spec] of Object.entries(entries)) {
    const at = (...rest: Array<string | number>): Array<string | number> => ['transactions', key, ...rest];
    const machine = spec.states;
    const known = machine ? knownStates(machine) : undefined;
    const unknown = (state: string, path: Array<string | number>): void => {
      if (known && !known.has(state)) problems.push({ path, message: `${state} is not a state of the ${key} machine (${[...known].join(', ')})` });
    };
    if (machine) problems.push(...machineProblems(machine, at('states')));
    machine?.failed?.forEach((s, i) => {
      if (!machine.terminal.includes(s)) problems.push({ path: at('states', 'failed', i), message: `${s} is not a terminal state (terminal: ${machine.terminal.join(', ')}): only a terminal state can say no money moved` });
    });
    const ev = spec.events;
    const sent = profile.webhooks?.events;
    ev?.types.forEach((type, i) => {
      if (sent && !sent.includes(type)) problems.push({ path: at('events', 'types', i), message: `${type} is not one of webhooks.events (${sent.join(', ')}): the partner is not declared to send it` });
    });
    if (ev?.on) {
      for (const [state, type] of Object.entries(ev.on)) {
        unknown(state, at('events', 'on', state));
        if (!ev.types.includes(type)) problems.push({ path: at('events', 'on', state), message: `${type} is not one of events.types (${ev.types.join(', ')})` });
      }
    } else if (ev && ev.types.length > 1) {
      problems.push({ path: at('events', 'types'), message: `${ev.types.length} event types and no events.on: say which type announces which state` });
    }
    spec.simulate?.path?.forEach((step, i) => unknown(step.to, at('simulate', 'path', i, 'to')));
    spec.simulate?.magic?.forEach((g, j) => g.path.forEach((step, i) => unknown(step.to, at('simulate', 'magic', j, 'path', i, 'to'))));
    if (spec.parent) problems.push(...parentProblems(key, spec, entries));
  }
  return problems;
}

function machineProblems(machine: StateMachineSpec, at: Array<string | number>): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const [from, to] of Object.entries(machine.transitions ?? {})) {
    if (machine.terminal.includes(from) && to.length > 0) problems.push({ path: [...at, 'transitions', from], message: `${from} is terminal: no transition may leave it` });
  }
  return problems;
}

function parentProblems(key: string, spec: TransactionSpec, entries: Record<string, TransactionSpec>): SpecProblem[] {
  const link = spec.parent!;
  const at = ['transactions', key, 'parent'];
  const parent = entries[link.transaction];
  if (!parent) return [{ path: [...at, 'transaction'], message: `${link.transaction} is not an entry of transactions (${Object.keys(entries).join(', ')})` }];
  if (link.transaction === key) return [{ path: [...at, 'transaction'], message: `a ${key} cannot be its own parent` }];
  const problems: SpecProblem[] = [];
  const mine = spec.states ? knownStates(spec.states) : undefined;
  const theirs = parent.states ? knownStates(parent.states) : undefined;
  for (const [state, parentState] of Object.entries(link.settles ?? {})) {
    if (mine && !mine.has(state)) problems.push({ path: [...at, 'settles', state], message: `${state} is not a state of the ${key} machine` });
    if (theirs && !theirs.has(parentState)) problems.push({ path: [...at, 'settles', state], message: `${parentState} is not a state of the ${link.transaction} machine` });
  }
  if (link.exceeds !== undefined && !spec.amount) problems.push({ path: [...at, 'exceeds'], message: `${key} declares no amount pointer: there is no amount to exceed` });
  return problems;
}
