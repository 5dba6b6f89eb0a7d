import type { Socket } from 'node:net';
import type { buildConnector } from 'undici';
import { undici } from './undici.ts';
import type { Clock } from '../clock/index.ts';

/**
 * undici's connector, with every socket it opens shown to the run's clock: a virtual clock does not move
 * while bytes are on their way over it. On a virtual clock undici's own connect timer is off (no real
 * timer may decide an outcome); on a wall clock it stays a late backstop (`timeoutMs`).
 */
export function watchedConnector(clock: Clock, opts: { timeoutMs: number; tls?: buildConnector.BuildOptions }): buildConnector.connector {
  const connect = undici().buildConnector({ ...opts.tls, timeout: clock.virtual ? 0 : opts.timeoutMs });
  return (options, callback) => {
    // undici's connector returns the socket it opened, though its type says void.
    const socket = connect(options, callback) as unknown as Socket | undefined;
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    if (socket) clock.watchSocket(socket, { host: options.hostname, port });
  };
}

/** undici's headers / body timeouts: off on a virtual clock, else a backstop one real second after the clock's own. */
export function backstopMs(clock: Clock, profileMs: number): number {
  return clock.virtual ? 0 : clock.toReal(profileMs) + 1_000;
}
