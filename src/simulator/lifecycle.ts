import { setMaxListeners } from 'node:events';
import type { Clock } from '../clock/index.ts';
import { findMismatch, getPointer, setPointer } from '../json/index.ts';
import { parseDuration } from '../profile/index.ts';
import type { StateMachineSpec, StatePath } from '../profile/index.ts';
import { isTerminal } from '../transactions/index.ts';
import type { ResolvedMovement } from '../transactions/index.ts';

/** Profile ms between two states when the profile gives no `simulate.path`. */
const DEFAULT_STEP_MS = 1_000;

/** A state change the simulator made, announced by a webhook unless a defect swallows it. */
export interface StateChange {
  movement: ResolvedMovement;
  resource: Record<string, unknown>;
  from?: string;
  to: string;
  /** The change that follows the first transition out of the initial state (`webhook-missing` drops it). */
  index: number;
  terminal: boolean;
  /** The change `illegal-transition` makes out of a terminal state. */
  illegal: boolean;
}

export interface Lifecycle {
  /** A resource was created: announce it, then advance it along its path on the clock. */
  start(movement: ResolvedMovement, resource: Record<string, unknown>): void;
  /** Moves a resource to a state now (a parent settled by its child: `parent.settles`), and announces it. */
  moveTo(movement: ResolvedMovement, resource: Record<string, unknown>, to: string): void;
  /** Stops every pending advance (the simulator closes). */
  close(): void;
}

/**
 * The partner's state machine on the run's clock (issue 7): created resources advance along the profile's
 * `simulate.path` (or the machine's first allowed transitions), a `magic` request steers to another path.
 * Planted defects: `stuck-pending` never advances; `illegal-transition` leaves a terminal state.
 * `now` stamps `updatedAt`: the partner's time on the wire, which need not be the clock the changes wait on.
 */
export function createLifecycle(clock: Clock, defects: ReadonlySet<string>, now: () => Date, announce: (change: StateChange) => void): Lifecycle {
  const waits = sharedSignals();
  // How many changes each resource has had: `webhook-missing` drops the first one after creation.
  const changes = new WeakMap<object, number>();
  const change = (m: ResolvedMovement, resource: Record<string, unknown>, to: string, illegal: boolean): void => {
    const machine = m.machine as StateMachineSpec;
    const index = changes.get(resource) ?? 0;
    changes.set(resource, index + 1);
    const from = index === 0 ? undefined : (getPointer(resource, m.statePointer) as string | undefined);
    setPointer(resource, m.statePointer, to);
    if (index > 0) for (const k of ['updatedAt', 'updated_at']) if (k in resource) resource[k] = now().toISOString();
    announce({ movement: m, resource, ...(from === undefined ? {} : { from }), to, index, terminal: isTerminal(machine, to), illegal });
  };
  async function advance(m: ResolvedMovement, resource: Record<string, unknown>, signal: AbortSignal): Promise<void> {
    const machine = m.machine as StateMachineSpec;
    const move = (to: string, illegal: boolean): void => change(m, resource, to, illegal);
    change(m, resource, machine.initial, false);
    if (defects.has('stuck-pending')) return;
    for (const step of pathFor(m, resource)) {
      await clock.sleep(durationMs(step.after), signal);
      move(step.to, false);
    }
    const last = getPointer(resource, m.statePointer) as string;
    if (defects.has('illegal-transition') && isTerminal(machine, last)) {
      await clock.sleep(DEFAULT_STEP_MS, signal);
      move(machine.terminal.find((t) => t !== last) ?? machine.initial, true);
    }
  }
  return {
    start(m, resource) {
      if (!m.machine) return;
      const wait = waits.take();
      // Closing aborts the waits: the rejection is the end of this resource's story, not an error.
      advance(m, resource, wait.signal)
        .catch(() => undefined)
        .finally(wait.release);
    },
    moveTo(m, resource, to) {
      if (!m.machine || getPointer(resource, m.statePointer) === to) return;
      change(m, resource, to, false);
    },
    close: () => waits.abortAll(new Error('simulator closed')),
  };
}

/** A step's wait in profile ms: every create waits its path's first, so each duration is parsed once. */
function durationMs(d: StatePath[number]['after']): number {
  let ms = parsed.get(d);
  if (ms === undefined) parsed.set(d, (ms = parseDuration(d)));
  return ms;
}

const parsed = new Map<StatePath[number]['after'], number>();

/** Resources in flight a signal serves at most. */
const PER_SIGNAL = 32;

/**
 * The signals the resources in flight wait with, all aborted at close: each shared by at most PER_SIGNAL resources.
 * Not one for all: an EventTarget adds and removes a listener in time linear in how many it holds, so every create
 * paid for every resource still waiting. Not one each: an AbortController costs more than the rest of a create's
 * bookkeeping.
 */
function sharedSignals(): { take(): { signal: AbortSignal; release: () => void }; abortAll(reason: Error): void } {
  const users = new Map<AbortController, number>();
  let current: AbortController | undefined;
  let taken = 0;
  let closed: Error | undefined;
  return {
    take() {
      if (!current || taken >= PER_SIGNAL) {
        current = new AbortController();
        setMaxListeners(PER_SIGNAL, current.signal);
        if (closed) current.abort(closed);
        taken = 0;
      }
      const controller = current;
      taken++;
      users.set(controller, (users.get(controller) ?? 0) + 1);
      return {
        signal: controller.signal,
        release: () => {
          const left = (users.get(controller) ?? 1) - 1;
          if (left > 0) users.set(controller, left);
          else users.delete(controller);
        },
      };
    },
    abortAll(reason) {
      closed = reason;
      for (const controller of users.keys()) controller.abort(reason);
      users.clear();
      // The current signal too, whoever holds it now: a resource created after close (a create in flight) takes it.
      current?.abort(reason);
    },
  };
}

/** The path a resource takes: the first `magic` its fields match, else `simulate.path`, else the machine's first transitions. */
export function pathFor(m: ResolvedMovement, resource: unknown): StatePath {
  const sim = m.spec.simulate;
  const magic = sim?.magic?.find((g) => Object.entries(g.when).every(([p, want]) => findMismatch(getPointer(resource, p), want) === undefined));
  if (magic) return magic.path;
  if (sim?.path) return sim.path;
  const machine = m.machine as StateMachineSpec;
  const path: StatePath = [];
  let at = machine.initial;
  // The first allowed transition each time: profiles list the way forward first (PENDING: [PROCESSING, FAILED]).
  while (!isTerminal(machine, at) && path.length < 20) {
    const next = machine.transitions?.[at]?.[0];
    if (next === undefined) break;
    path.push({ to: next, after: DEFAULT_STEP_MS });
    at = next;
  }
  return path;
}
