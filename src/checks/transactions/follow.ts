import { getPointer } from '../../json/index.ts';
import { isTerminal } from '../../transactions/index.ts';
import type { Observed } from '../../transactions/index.ts';
import { patientTimeouts } from '../patience.ts';
import { CheckFailure } from '../model.ts';
import type { CheckContext } from '../model.ts';
import type { CreatedTx } from './create.ts';

/** One read of the transaction: the state and the body, for money checks. */
export interface ReadSample extends Observed {
  body: unknown;
  seq: number;
}

export interface Followed {
  reads: ReadSample[];
  /** The state the last read showed. */
  final?: string;
  /** Profile ms from create to the first terminal read, when it came. */
  terminalAfterMs?: number;
}

/**
 * How long after a terminal state railgate keeps watching (profile ms): a terminal state that changes
 * does so soon in practice (a late bank reversal aside), and a second read after this catches it.
 */
export const SETTLE_MS = 5_000;

/** Real ms a deadline is given at least against a sandbox, on a wall clock. */
const REAL_FLOOR_MS = 2_000;

/**
 * Real ms railgate watches one transaction at most against a sandbox: it cannot wait out an authorization's
 * 7-day deadline. Past it the transaction is reported not terminal, with both durations in the reason. On
 * the virtual clock the profile's deadline is watched whole, at no real cost.
 */
export const REAL_BUDGET_MS = 90_000;

/** Reads the transaction on the run's clock until it is terminal or its deadline passes, then once more after SETTLE_MS. */
export async function followTransaction(ctx: CheckContext, tx: CreatedTx): Promise<Followed> {
  const m = tx.movement;
  const readOp = ctx.partner.contract.operations.get(m.spec.read);
  const param = m.spec.idParam ?? readOp?.parameters.find((p) => p.in === 'path')?.name;
  if (!readOp || !param) throw new CheckFailure(`transactions.${m.key}.read (${m.spec.read}) has no path parameter for the id`, { kind: 'configuration' });
  const machine = m.machine!;
  // On a virtual clock the profile's deadline costs no real time, a 7-day one included.
  const deadline = ctx.clock.virtual ? m.deadlineMs : Math.min(Math.max(m.deadlineMs, ctx.clock.toScaled(REAL_FLOOR_MS)), ctx.clock.toScaled(REAL_BUDGET_MS));
  // Doubling from 1s up to a thirtieth of the deadline: a PIX payout settles in seconds, a QR charge may
  // wait hours for its payer, and neither should cost more than a few dozen reads.
  const longest = Math.max(1_000, m.deadlineMs / 30);
  const started = ctx.clock.now();
  const out: Followed = { reads: [] };
  const read = async (why: string): Promise<ReadSample | undefined> => {
    const e = await ctx.call(readOp.id, { params: { [param]: tx.id } }, `read ${tx.id} (${why})`, { timeouts: patientTimeouts(ctx) });
    const state = getPointer(e.response?.body, m.statePointer);
    if (!e.response || e.response.status >= 300 || typeof state !== 'string') return undefined;
    const sample = { state, source: `read #${e.seq}`, body: e.response.body, seq: e.seq };
    out.reads.push(sample);
    out.final = state;
    await ctx.report.step(`${tx.id} is ${state} (read #${e.seq})`, async () => undefined);
    return sample;
  };
  for (let n = 1; ; n++) {
    const s = await read(`poll ${n}`);
    if (s && isTerminal(machine, s.state)) {
      out.terminalAfterMs = ctx.clock.now() - started;
      break;
    }
    const every = Math.min(1_000 * 2 ** (n - 1), longest);
    if (ctx.clock.now() - started + every > deadline) return out;
    await ctx.clock.sleep(every);
  }
  await ctx.clock.sleep(SETTLE_MS);
  await read(`${SETTLE_MS / 1000}s after the terminal state: it must not change`);
  return out;
}

/** The deadline as a reason states it, with the real-time budget when that cut it short. */
export function watched(ctx: CheckContext, m: { deadlineMs: number }): string {
  const budget = ctx.clock.toScaled(REAL_BUDGET_MS);
  return !ctx.clock.virtual && m.deadlineMs > budget ? `${budget / 1000}s (its deadline is ${m.deadlineMs / 1000}s; railgate watches ${REAL_BUDGET_MS / 1000}s of real time at most)` : `its deadline of ${m.deadlineMs / 1000}s`;
}
