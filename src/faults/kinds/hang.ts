import { hold } from '../client-socket.ts';
import type { Exchange, FaultEnv } from '../exchange.ts';

/** Accepted, never forwarded, never answered. */
export function injectHang(ex: Exchange, env: FaultEnv): Promise<void> {
  return hold(ex, env);
}
