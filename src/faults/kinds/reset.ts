import { drain, forward } from '../forward.ts';
import { resetClient } from '../client-socket.ts';
import type { Exchange, FaultEnv } from '../exchange.ts';
import type { ResetFault } from '../types.ts';

export async function injectReset(ex: Exchange, fault: ResetFault, env: FaultEnv): Promise<void> {
  if (fault.when === 'after-forward') {
    // The partner has the request and has answered in full: the reset hides a committed outcome.
    await drain(await forward(ex, env));
  }
  resetClient(ex);
}
