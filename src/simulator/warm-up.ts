import type { Clock } from '../clock/index.ts';
import type { Operation } from '../contract/index.ts';
import type { Partner } from '../partner/index.ts';

/**
 * When the validators of every request and answer are compiled (a large contract's take seconds), by the clock the
 * simulator runs on:
 * - a wall clock faster than real time (`--time-scale 0.01`): all of them before the first request, which cold would
 *   take ~100 ms, read at that scale as a 10 s timeout;
 * - a wall clock at real time or slower: in the background once the server listens, one schema per turn of the
 *   event loop, so the first answer waits for one compile at most and a request finds its own compiled, or compiles them;
 * - a virtual clock (the embedded run): each on first use. A compile is work while a request is in flight, which
 *   the clock never jumps over, and a run compiles only what its checks call.
 * Returns what stops the background work (the simulator closes).
 */
export function warmUp(partner: Partner, clock: Pick<Clock, 'virtual' | 'scale'>): () => void {
  if (clock.virtual) return () => undefined;
  const pointers = [...partner.contract.operations.values()].flatMap(schemasOf);
  if (clock.scale < 1) {
    for (const pointer of pointers) compile(partner, pointer);
    return () => undefined;
  }
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
  next(0);
  return () => clearImmediate(timer);
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
