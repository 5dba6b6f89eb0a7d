import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'undici';
import type { Clock } from '../clock/index.ts';
import type { ProxyEvent } from './types.ts';

/** One client request in flight through the proxy. */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly event: ProxyEvent;
  /** The request as it goes to the target: hop-by-hop and operation headers already removed. */
  readonly outgoing: {
    method: string;
    path: string;
    headers: string[];
    body: Buffer | null;
  };
}

/** What every fault kind may use; one per proxy. */
export interface FaultEnv {
  readonly clock: Clock;
  /** Keep-alive connections to the target. */
  readonly pool: Pool;
  /** Profile ms; backstop for held sockets. */
  readonly maxHoldMs: number;
  /** Aborted by close(): every wait listens to it, so nothing outlives the proxy. */
  readonly closing: AbortSignal;
}
