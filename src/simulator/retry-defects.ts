import type { Partner } from '../partner/index.ts';
import type { Answer } from './answer.ts';
import type { SimulatorState } from './handlers.ts';

// The planted defects of the `retry` family (defects.ts), kept apart from the handlers' pipeline so each is
// one line there. All three are what real partners do: fail after committing, forget the header their own
// contract promises, accept a connection and never answer.

/** `hang`: the one operation that never answers — the first transaction's create, where a hang hurts most. */
export function hangingOperation(partner: Partner): string | undefined {
  const creates = Object.values(partner.profile.transactions ?? {}).map((t) => t.create);
  const ops = [...partner.contract.operations.values()];
  return creates[0] ?? ops.find((o) => o.mutating)?.id ?? ops[0]?.id;
}

/**
 * Never settles, and holds no timer: the server's close() destroys the socket and the request is dropped
 * with it, so a hung operation can never keep a run (or its process) alive. Only the client's timeout ends it.
 */
export function neverAnswer(): Promise<Answer> {
  return new Promise<Answer>(() => undefined);
}

const failedOnce = new WeakMap<SimulatorState, Set<string>>();

/**
 * `duplicate-on-retry`: whether this create, already committed, answers 503 — the first time for each
 * idempotency key. The retry with the same key then commits a second transaction and answers 201.
 */
export function failAfterCommit(state: SimulatorState, headers: Record<string, string>): boolean {
  if (!state.defects.has('duplicate-on-retry')) return false;
  const header = state.partner.profile.idempotency?.header.toLowerCase();
  const key = (header && headers[header]) || '(no key)';
  let seen = failedOnce.get(state);
  if (!seen) failedOnce.set(state, (seen = new Set()));
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}
