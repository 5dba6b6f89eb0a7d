import { joinPointer, splitPointer } from '../json/index.ts';
import { parseDuration } from '../profile/index.ts';
import type { Movement, Profile, StateMachineSpec, TransactionSpec } from '../profile/index.ts';

const MOVEMENTS: readonly Movement[] = ['payout', 'collection', 'refund', 'reversal', 'authorization', 'capture', 'void'];

/** One money movement of a profile with every default filled (pure): what the checks and the simulator use. */
export interface ResolvedMovement {
  /** The entry's key in `transactions`. */
  key: string;
  movement?: Movement;
  spec: TransactionSpec;
  idPointer: string;
  statePointer: string;
  machine?: StateMachineSpec;
  amountPointer?: string;
  currencyPointer?: string;
  /** Profile ms from create to a terminal state. */
  deadlineMs: number;
  events?: { types: string[]; on?: Record<string, string>; id: string; state: string; amount?: string; currency?: string };
}

/**
 * The event type that announces `state` (pure): the profile's `events.on` when it has one (a state it does not
 * name is not announced), else the movement's one type. Undefined: the state is not announced.
 */
export function eventTypeFor(m: ResolvedMovement, state: string): string | undefined {
  const ev = m.events;
  if (!ev) return undefined;
  if (ev.on) return ev.on[state];
  return ev.types.length === 1 ? ev.types[0] : undefined;
}

/** Whether the partner announces `state` by a webhook at all. */
export function announces(m: ResolvedMovement, state: string): boolean {
  return eventTypeFor(m, state) !== undefined;
}

/** A refund or reversal: money going back against a parent. */
export function isRefund(m: ResolvedMovement): boolean {
  return m.movement === 'refund' || m.movement === 'reversal';
}

/** The profile's capture movement of a parent entry (an authorization's), if it has one. */
export function captureFor(movements: readonly ResolvedMovement[], parentKey: string): ResolvedMovement | undefined {
  return movements.find((c) => c.movement === 'capture' && c.spec.parent?.transaction === parentKey);
}

/** Terminal states in which no money moved (a failed refund, a rejected payout): they count towards no total. */
export function movesNoMoney(m: ResolvedMovement, state: string | undefined): boolean {
  return state !== undefined && (m.machine?.failed ?? []).includes(state);
}

const DEFAULT_DEADLINE = '5m';

export function resolveMovements(profile: Profile): ResolvedMovement[] {
  return Object.entries(profile.transactions ?? {}).map(([key, spec]) => resolveMovement(key, spec));
}

export function resolveMovement(key: string, spec: TransactionSpec): ResolvedMovement {
  const idPointer = spec.id ?? '/id';
  const statePointer = spec.state ?? '/status';
  const movement = spec.movement ?? MOVEMENTS.find((m) => m === key);
  // The envelope every example contract documents: `{ id, type, createdAt, data: <the resource> }`.
  const inData = (p: string | undefined): string | undefined => (p === undefined ? undefined : joinPointer('/data', ...splitPointer(p)));
  const ev = spec.events;
  return {
    key,
    ...(movement ? { movement } : {}),
    spec,
    idPointer,
    statePointer,
    ...(spec.states ? { machine: spec.states } : {}),
    ...(spec.amount ? { amountPointer: spec.amount } : {}),
    ...(spec.currency ? { currencyPointer: spec.currency } : {}),
    deadlineMs: parseDuration(spec.deadline ?? DEFAULT_DEADLINE),
    ...(ev
      ? {
          events: {
            types: ev.types,
            ...(ev.on ? { on: ev.on } : {}),
            id: ev.id ?? (inData(idPointer) as string),
            state: ev.state ?? (inData(statePointer) as string),
            ...(ev.amount ?? spec.amount ? { amount: ev.amount ?? inData(spec.amount) } : {}),
            ...(ev.currency ?? spec.currency ? { currency: ev.currency ?? inData(spec.currency) } : {}),
          },
        }
      : {}),
  };
}
