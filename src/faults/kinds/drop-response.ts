import { drain, forward } from '../forward.ts';
import { hold } from '../client-socket.ts';
import type { Exchange, FaultEnv } from '../exchange.ts';

/** The lost response: the partner commits and answers; the client waits for an answer that never comes. */
export async function injectDropResponse(ex: Exchange, env: FaultEnv): Promise<void> {
  await drain(await forward(ex, env));
  await hold(ex, env);
}
