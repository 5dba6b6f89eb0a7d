import type { Operation } from '../contract/index.ts';
import { IdempotencyKeyStore, decide, fingerprintBody, resolveIdempotency } from '../idempotency/index.ts';
import type { KeyDecision, ResolvedIdempotency, SavedAnswer } from '../idempotency/index.ts';
import type { Partner } from '../partner/index.ts';
import type { Clock } from '../clock/index.ts';
import type { Answer } from './answer.ts';

/**
 * Profile ms a create takes at the simulated partner (a PIX payout is accepted in about that long). It is
 * the window in which a duplicate finds its key in flight; on the run's clock it is 10 ms at scale 0.01.
 */
export const PROCESSING_MS = 1_000;

/**
 * How long the race window of a defective key store stays open (profile ms): the unsafe lookup of
 * `concurrent-duplicates`, the unguarded processing of `lost-response-duplicate`. Longer than a burst
 * takes to arrive (client, fault layer and simulator share one event loop: ~50 ms real for ten requests),
 * so the race is lost every time, not now and then.
 */
export const RACE_WINDOW_MS = 10_000;

/** What the gate needs of the simulator: its partner, defects and clock. */
export interface GateEnv {
  /** The profile's idempotency section, resolved once (undefined: the partner has none). */
  spec: ResolvedIdempotency | undefined;
  defects: ReadonlySet<string>;
  store: IdempotencyKeyStore;
  /** Epoch ms on the run's clock: the window is a retention, not a stamp (gateFor). */
  now(): number;
  /** Waits profile ms on the run's clock; absent in-process, where the handlers answer at once. */
  sleep?: (ms: number) => Promise<void>;
}

export interface GateRequest {
  route: { op: Operation };
  headers: Record<string, string>;
  body: unknown;
}

export type Reply = (status: number, code: string | undefined, message: string) => Answer;

/**
 * One key store per simulator, remembering keys for the profile's window on the run's clock, not on the wall
 * clock the partner stamps by: the window is how long the partner keeps a key, never a time on the wire, so
 * it scales with processing and redelivery, and a connector's retry schedule, scaled alike, meets it as it
 * would meet the partner's. Without a clock (in-process), keys are timed by the stamps.
 */
export function gateFor(state: { partner: Partner; defects: ReadonlySet<string>; now: () => Date; clock?: Pick<Clock, 'now' | 'sleep'> }): GateEnv {
  const spec = resolveIdempotency(state.partner.profile);
  const { clock } = state;
  return {
    spec,
    defects: state.defects,
    store: new IdempotencyKeyStore(spec?.windowMs ?? 0),
    now: clock ? () => clock.now() : () => state.now().getTime(),
    // Processing takes time on the run's clock, so a duplicate can find its key in flight.
    ...(clock ? { sleep: (ms: number) => clock.sleep(ms) } : {}),
  };
}

/**
 * The simulator's idempotency step, around the work of an operation the profile marks idempotent: a strict
 * store with the profile's answers, or — with a planted defect — the way real partners get it wrong.
 */
export async function guardIdempotency(env: GateEnv, req: GateRequest, work: () => Answer | Promise<Answer>, reply: Reply): Promise<Answer> {
  const { spec } = env;
  const { op } = req.route;
  if (!spec || !spec.operations.includes(op.id)) return work();
  const key = req.headers[spec.header.toLowerCase()];
  if (!key) {
    if (spec.missingKey !== 'accepted') return reply(spec.missingKey.status, spec.missingKey.code, `the ${spec.header} header is required`);
    await pause(env, PROCESSING_MS);
    return work();
  }
  const scope = `${op.id} ${key}`;
  const fingerprint = fingerprintBody(req.body);
  for (;;) {
    const entry = env.store.peek(scope, env.now()) ?? (spec.dedupeOnBody ? env.store.findByBody(`${op.id} `, fingerprint, env.now()) : undefined);
    const decision = plantDefect(decide(entry, fingerprint), env.defects);
    if (decision === 'replay' && entry?.state === 'done') return replay(entry.saved, spec);
    if (decision === 'conflict') return reply(spec.mismatch.status, spec.mismatch.code, `the ${spec.header} was used with another request body`);
    if (decision === 'in-flight' && entry?.state === 'in-flight') {
      if (spec.inFlight !== 'replay') return reply(spec.inFlight.status, spec.inFlight.code, `a request with this ${spec.header} is being processed`);
      const saved = await entry.done;
      if (saved) return replay(saved, spec);
      continue; // the first was abandoned: this one takes over
    }
    return proceed(env, scope, fingerprint, work);
  }
}

/** The defects that break the decision itself: a replay or a mismatch processed as a new request. */
function plantDefect(d: KeyDecision, defects: ReadonlySet<string>): KeyDecision {
  if (d === 'replay' && defects.has('replay-creates-duplicate')) return 'proceed';
  if (d === 'conflict' && defects.has('mismatch-accepted')) return 'proceed';
  return d;
}

async function proceed(env: GateEnv, scope: string, fingerprint: string, work: () => Answer | Promise<Answer>): Promise<Answer> {
  if (env.defects.has('lost-response-duplicate')) {
    // The bug: nothing is held while the work runs, and the key is recorded only once the answer has gone
    // out. A client that gave up (its answer lost) and retries meanwhile finds no key: a second payout.
    await pause(env, RACE_WINDOW_MS);
    const saved = await work();
    void pause(env, 0).then(() => env.store.record(scope, fingerprint, saved, env.now()));
    return saved;
  }
  // The bug: check-then-act with an await between them, so every duplicate that arrives meanwhile passes.
  if (env.defects.has('concurrent-duplicates')) await pause(env, RACE_WINDOW_MS);
  // Clean: the key is held before the work starts (no await since the peek), released with the answer.
  const ticket = env.store.take(scope, fingerprint, env.now());
  try {
    await pause(env, PROCESSING_MS);
    const saved = await work();
    // A 5xx is not an outcome: the key is released so that a retry runs the work again.
    ticket.settle(saved.status < 500 ? saved : undefined);
    return saved;
  } catch (e) {
    ticket.settle(undefined);
    throw e;
  }
}

/** The answer saved with the key, as it went out the first time (and marked a replay where the partner marks it). */
function replay(saved: SavedAnswer, spec: ResolvedIdempotency): Answer {
  return spec.replayHeader ? { ...saved, headers: { ...saved.headers, [spec.replayHeader.toLowerCase()]: 'true' } } : saved;
}

function pause(env: GateEnv, ms: number): Promise<void> {
  return env.sleep ? env.sleep(ms) : new Promise((resolve) => setImmediate(resolve));
}

