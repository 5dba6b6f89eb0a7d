import { forward, relay, respond } from '../forward.ts';
import type { Exchange, FaultEnv } from '../exchange.ts';
import type { LatencyFault } from '../types.ts';

export async function injectLatency(ex: Exchange, fault: LatencyFault, env: FaultEnv): Promise<void> {
  // Only close() cuts the wait short. A client that times out meanwhile does not stop a
  // before-forward request from reaching the partner, just as a slow network would deliver it.
  if (fault.when === 'before-forward') {
    await env.clock.sleep(fault.ms, env.closing);
    return relay(ex, env);
  }
  const response = await forward(ex, env);
  await env.clock.sleep(fault.ms, env.closing);
  return respond(ex, response);
}
