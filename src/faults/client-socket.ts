import type { Exchange, FaultEnv } from './exchange.ts';

/** Sends a TCP RST (not a FIN) so the client sees ECONNRESET, as with a dropped middlebox connection. */
export function resetClient(ex: Exchange): void {
  const socket = ex.req.socket;
  if (!socket.destroyed) socket.resetAndDestroy();
}

/**
 * Keeps the client's connection open with nothing more to come, until the client gives up,
 * the proxy closes, or `maxHoldMs` passes (then resets, so no socket is held forever).
 */
export async function hold(ex: Exchange, env: FaultEnv): Promise<void> {
  if (ex.req.socket.destroyed || env.closing.aborted) return;
  const stop = new AbortController();
  const release = (): void => stop.abort();
  ex.res.once('close', release);
  env.closing.addEventListener('abort', release, { once: true });
  try {
    await env.clock.sleep(env.maxHoldMs, stop.signal);
    ex.event.error = `held for maxHoldMs (${env.maxHoldMs} ms) without the client giving up; reset`;
    resetClient(ex);
  } catch {
    // Released: the client left or the proxy is closing; both are the normal end of a hold.
  } finally {
    ex.res.off('close', release);
    env.closing.removeEventListener('abort', release);
  }
}
