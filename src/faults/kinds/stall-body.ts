import { forward, writeHead } from '../forward.ts';
import { hold } from '../client-socket.ts';
import type { Exchange, FaultEnv } from '../exchange.ts';
import type { StallBodyFault } from '../types.ts';

/** Status and headers arrive, then the body stops after `afterBytes`: the client's body timeout must fire. */
export async function injectStallBody(ex: Exchange, fault: StallBodyFault, env: FaultEnv): Promise<void> {
  const response = await forward(ex, env);
  const limit = fault.afterBytes ?? 0;
  const headers = response.headers;
  // A stalled body must never look complete. With a Content-Length above what is sent the client
  // keeps waiting for the rest; otherwise drop it so node sends chunked and never the last chunk.
  if (!(Number(headers['content-length']) > limit)) delete headers['content-length'];

  writeHead(ex, response.statusCode, headers);
  ex.res.flushHeaders();

  let sent = 0;
  for await (const chunk of response.body) {
    // Read to the end either way, so the partner's connection is left clean for the next request.
    if (sent >= limit || ex.res.destroyed) continue;
    const part = (chunk as Buffer).subarray(0, limit - sent);
    ex.res.write(part);
    sent += part.length;
  }
  await hold(ex, env);
}
