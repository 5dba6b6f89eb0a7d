import type { Clock } from '../clock/index.ts';
import type { Operation } from '../contract/index.ts';
import type { Partner } from '../partner/index.ts';

/** The background compiling of a simulator's validators (warmUp). */
export interface WarmUp {
  /** An answer went out: the background work may begin, if it has not. */
  answered(): void;
  /** The simulator closes. */
  stop(): void;
}

/** Ms without a first request after which the background work begins all the same. */
const IDLE_MS = 1_000;

/**
 * When the validators of every request and answer are compiled (a large contract's take seconds), by the clock the
 * simulator runs on:
 * - a wall clock faster than real time (`--time-scale 0.01`): all of them before the first request, which cold would
 *   take ~100 ms, read at that scale as a 10 s timeout;
 * - a wall clock at real time or slower: in the background, one schema per turn of the event loop, from the first
 *   answer on (or a second after listening without one): the first request compiles only its own, never waits for a
 *   large schema's compile it does not need, and later ones find theirs compiled;
 * - a virtual clock (the embedded run): each on first use. A compile is work while a request is in flight, which
 *   the clock never jumps over, and a run compiles only what its checks call.
 */
export function warmUp(partner: Partner, clock: Pick<Clock, 'virtual' | 'scale'>): WarmUp {
  const none: WarmUp = { answered: () => undefined, stop: () => undefined };
  if (clock.virtual) return none;
  const pointers = [...partner.contract.operations.values()].flatMap(schemasOf);
  if (clock.scale < 1) {
    for (const pointer of pointers) compile(partner, pointer);
    return none;
  }
  let begun = false;
  let timer: NodeJS.Immediate | undefined;
  const next = (i: number): void => {
    const pointer = pointers[i];
    if (pointer === undefined) return;
    timer = setImmediate(() => {
      compile(partner, pointer);
      next(i + 1);
    });
    // Never what keeps a process alive.
    timer.unref();
  };
  const begin = (): void => {
    if (begun) return;
    begun = true;
    clearTimeout(idle);
    next(0);
  };
  const idle = setTimeout(begin, IDLE_MS);
  idle.unref();
  return {
    answered: begin,
    stop: () => {
      begun = true;
      clearTimeout(idle);
      clearImmediate(timer);
    },
  };
}

/** Every schema an operation's requests and answers are validated against. */
function schemasOf(op: Operation): string[] {
  const pointers = [
    ...op.parameters.map((p) => p.schemaPointer),
    ...(op.requestBody?.content ?? []).map((m) => m.schemaPointer),
    ...op.responses.flatMap((r) => r.content.map((m) => m.schemaPointer)),
  ];
  return pointers.filter((p): p is string => p !== undefined && p !== '');
}

function compile(partner: Partner, pointer: string): void {
  try {
    partner.validators.validate(pointer, undefined);
  } catch {
    // A schema ajv cannot compile: the request that needs it says so, as it would have without the warm-up.
  }
}
