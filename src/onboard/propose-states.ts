import type { StateMachineSpec } from '../profile/index.ts';

// What a status value's name says about it. A guess from words, confirmed by a person (a TODO says so).
const INITIAL = ['PENDING', 'CREATED', 'NEW', 'INITIATED', 'RECEIVED', 'SUBMITTED', 'ACTC', 'PDNG', 'ACTIVE', 'OPEN', 'AUTHORIZED', 'AUTHORISED', 'REQUIRES_ACTION', 'PROCESSING'];
const FAILED = /FAIL|DECLIN|REJECT|RJCT|CANCEL|VOID|EXPIR|DENIED|ERROR|RETURN|REVERS/i;
const SUCCEEDED = /COMPLET|SUCCE|^PAID$|SETTLED|ACSC|ACCC|^CAPTURED$|^REFUNDED$|DONE|EXECUTED|CLOSED/i;

/**
 * A state machine proposed from a status enum's names: an initial state (PENDING, CREATED, ACTC …), terminal
 * states that succeeded (COMPLETED, PAID, ACSC …) or failed (FAILED, RJCT, EXPIRED …), and the rest in between,
 * each reachable from the initial state and leading to every terminal one. Undefined when the names do not say.
 */
export function proposeStates(values: readonly string[]): StateMachineSpec | undefined {
  const initial = INITIAL.map((name) => values.find((v) => v.toUpperCase() === name)).find((v) => v !== undefined);
  if (initial === undefined) return undefined;
  const rest = values.filter((v) => v !== initial);
  const failed = rest.filter((v) => FAILED.test(v));
  const terminal = rest.filter((v) => failed.includes(v) || SUCCEEDED.test(v));
  if (terminal.length === 0) return undefined;
  const between = rest.filter((v) => !terminal.includes(v));
  return {
    initial,
    transitions: { [initial]: [...between, ...terminal], ...Object.fromEntries(between.map((v) => [v, terminal])) },
    terminal,
    ...(failed.length > 0 && { failed }),
  };
}
