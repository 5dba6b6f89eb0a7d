import type { Clock } from './clock.ts';
import { createLoopbackTraffic } from './loopback-traffic.ts';
import { createTimerQueue } from './timer-queue.ts';

export interface VirtualClockOptions {
  /** Initial now(), epoch ms. Default: the wall clock when the clock is made. */
  start?: number;
  /** Told when the clock has been kept from moving for a long real while (a component railgate does not watch). */
  onStuck?: (why: string[]) => void;
}

/**
 * libuv requests a component may be awaiting outside the loopback traffic: a file read (a vocabulary loaded on
 * first use, a module imported lazily), a name lookup, a crypto job on the thread pool. Time must not jump
 * while one is pending: the code awaiting it has not parked on the clock yet.
 */
const PENDING_WORK = /^(FSReq|CloseReq|GetAddrInfo|GetNameInfo|QueryReqWrap)|Job$/;

function pendingWork(): string[] {
  return process.getActiveResourcesInfo().filter((r) => PENDING_WORK.test(r));
}

const workPending = (): boolean => pendingWork().length > 0;

export interface VirtualClock extends Clock {
  /** How many times time jumped, and how far in all (profile ms): for a benchmark or a diagnostic. */
  stats(): { jumps: number; advancedMs: number };
}

/** Event-loop turns in which the run must stay idle, with no byte moving, before time jumps: work handed on by nextTick or setImmediate runs first. */
const SETTLE_TURNS = 3;
/** Turns spent polling with setImmediate while bytes are on loopback, before polling with a 1 ms timer (no busy loop). */
const EAGER_TURNS = 64;
/** Real ms of busy traffic with waits pending before `onStuck` is told. */
const STUCK_REAL_MS = 30_000;

/**
 * A discrete-event clock for the embedded run (issue 11). Client, fault layer, simulator, webhook sender and
 * receiver share one process and wait only through this clock or on loopback sockets railgate owns at both
 * ends. Time stands still while anything is in flight; when every connection is quiet and no file read,
 * lookup or thread-pool job is pending for a few event-loop turns, and nothing holds the clock, it jumps to
 * the earliest pending wait and wakes it. A 30 s Retry-After,
 * a 15 s hang and a 24 h idempotency window cost no real time, and a busy CPU only makes the run slower,
 * never different. Real sockets stay real; only waiting is virtual.
 */
export function createVirtualClock(options: VirtualClockOptions = {}): VirtualClock {
  let now = options.start ?? Date.now();
  let holds = 0;
  let pumping = false;
  let jumps = 0;
  let advancedMs = 0;
  const traffic = createLoopbackTraffic(() => pump());
  const timers = createTimerQueue(
    () => now,
    () => pump(),
  );

  /** One pass at a time: polls until the run is idle, then jumps to the next wait; stops when nothing waits or time is held. */
  function pump(): void {
    if (pumping || holds > 0 || timers.size() === 0) return;
    pumping = true;
    let quietTurns = 0;
    let busyTurns = 0;
    let busySince = 0;
    let lastProgress = -1;
    const turn = (): void => {
      if (holds > 0 || timers.size() === 0) {
        pumping = false;
        return;
      }
      if (!traffic.quiet() || workPending()) {
        quietTurns = 0;
        busySince ||= performance.now();
        if (options.onStuck && performance.now() - busySince > STUCK_REAL_MS) {
          options.onStuck([...traffic.describe(), ...pendingWork()]);
          busySince = performance.now();
        }
        if (++busyTurns < EAGER_TURNS) setImmediate(turn);
        else setTimeout(turn, 1);
        return;
      }
      busyTurns = 0;
      busySince = 0;
      const moved = traffic.progress();
      if (moved !== lastProgress) {
        lastProgress = moved;
        quietTurns = 0;
      }
      if (++quietTurns < SETTLE_TURNS) {
        setImmediate(turn);
        return;
      }
      quietTurns = 0;
      const next = timers.next() as number;
      if (next > now) {
        advancedMs += next - now;
        now = next;
      }
      jumps++;
      timers.wakeUntil(now);
      setImmediate(turn);
    };
    setImmediate(turn);
  }

  return {
    scale: 1,
    virtual: true,
    now: () => now,
    sleep: timers.sleep,
    toReal: (ms) => ms,
    toScaled: (realMs) => realMs,
    watchServer: traffic.watchServer,
    watchSocket: traffic.watchSocket,
    hold() {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        pump();
      };
    },
    stats: () => ({ jumps, advancedMs }),
  };
}
