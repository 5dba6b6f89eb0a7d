import type { Clock } from '../clock/index.ts';
import type { Operation } from '../contract/index.ts';
import type { Partner } from '../partner/index.ts';

/**
 * When the validators of every request and answer are compiled (a large contract's take seconds), by the clock the
 * simulator runs on:
 * - a wall clock faster than real time (`--time-scale 0.01`): all of them before the first request, which cold would
 *   take ~100 ms, read at that scale as a 10 s timeout;
 * - a wall clock at real time or slower: in the background once the server listens, one operation per turn of the
 *   event loop, so the first answer waits for none of them and a request finds its own compiled, or compiles them;
 * - a virtual clock (the embedded run): each on first use. A compile is work while a request is in flight, which
 *   the clock never jumps over, and a run compiles only what its checks call.
 * Returns what stops the background work (the simulator closes).
 */
export function warmUp(partner: Partner, clock: Pick<Clock, 'virtual' | 'scale'>): () => void {
  if (clock.virtual) return () => undefined;
  const ops = [...partner.contract.operations.values()];
  if (clock.scale < 1) {
    for (const op of ops) compileFor(partner, op);
    return () => undefined;
  }
  let timer: NodeJS.Immediate | undefined;
  const next = (i: number): void => {
    const op = ops[i];
    if (!op) return;
    timer = setImmediate(() => {
      compileFor(partner, op);
      next(i + 1);
    });
    // Never what keeps a process alive.
    timer.unref();
  };
  next(0);
  return () => clearImmediate(timer);
}

function compileFor(partner: Partner, op: Operation): void {
  const pointers = [
    ...op.parameters.map((p) => p.schemaPointer),
    ...(op.requestBody?.content ?? []).map((m) => m.schemaPointer),
    ...op.responses.flatMap((r) => r.content.map((m) => m.schemaPointer)),
  ];
  for (const pointer of pointers) {
    if (!pointer) continue;
    try {
      partner.validators.validate(pointer, undefined);
    } catch {
      // A schema ajv cannot compile: the request that needs it says so, as it would have without the warm-up.
    }
  }
}
