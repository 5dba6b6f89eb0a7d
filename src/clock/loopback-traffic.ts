import type { Server, Socket } from 'node:net';

/** Both ends of one loopback connection, keyed by the client's port and the server's. */
interface Connection {
  client?: Socket;
  server?: Socket;
}

/**
 * What is on its way between railgate's own components on loopback. railgate owns both ends of every
 * connection of an embedded run (client → fault layer → simulator, simulator → webhook receiver), so a
 * connection is quiet exactly when each end has read every byte the other wrote and neither end is closing
 * alone. Byte counters are the kernel-facing ones (`bytesWritten` counts what is queued, `bytesRead` what
 * JavaScript has been handed), so a request or an answer in flight is seen whatever parses it.
 */
export interface LoopbackTraffic {
  watchServer(server: Server): void;
  watchSocket(socket: Socket, to: { host: string; port: number }): void;
  /** Nothing in flight: every connection quiet, no connect under way. */
  quiet(): boolean;
  /**
   * A figure that changes whenever any byte moves or a connection opens or closes: a run that looks quiet at
   * each look but moved in between (a writer that sends again on its next turn) is not idle.
   */
  progress(): number;
  /** What is not quiet, for a diagnostic. */
  describe(): string[];
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

export function createLoopbackTraffic(onChange: () => void): LoopbackTraffic {
  const ports = new Set<number>();
  const connections = new Map<string, Connection>();
  const connecting = new Set<Socket>();
  let events = 0;
  const changed = (): void => {
    events++;
    onChange();
  };

  const connection = (key: string): Connection => {
    let c = connections.get(key);
    if (!c) connections.set(key, (c = {}));
    return c;
  };
  const closed = (s: Socket | undefined): boolean => s === undefined || s.destroyed;
  // A write not yet completed, or a writer waiting for 'drain': its callback is I/O still to come, even when
  // every byte handed to the kernel has already been read on the other side.
  const writing = (s: Socket): boolean => !s.destroyed && (s.writableLength > 0 || s.writableNeedDrain);

  function settled(c: Connection): boolean {
    return closed(c.client) && closed(c.server);
  }

  function inFlight(c: Connection): boolean {
    if (!c.client || !c.server) return true;
    if (c.client.destroyed !== c.server.destroyed) return true;
    if (writing(c.client) || writing(c.server)) return true;
    return c.client.bytesWritten !== c.server.bytesRead || c.server.bytesWritten !== c.client.bytesRead;
  }

  return {
    watchServer(server) {
      const note = (): void => {
        const a = server.address();
        if (a && typeof a === 'object') ports.add(a.port);
      };
      if (server.listening) note();
      else server.once('listening', note);
      server.on('connection', (s: Socket) => {
        if (s.remotePort === undefined || s.localPort === undefined) return;
        const key = `${s.remotePort}>${s.localPort}`;
        connection(key).server = s;
        s.once('close', changed);
        changed();
      });
    },
    watchSocket(socket, to) {
      // Only connections between two of railgate's ends count: a delivery to a URL outside the run is not its traffic.
      if (!LOOPBACK.has(to.host.replace(/^\[(.*)\]$/, '$1')) || !ports.has(to.port)) return;
      const attach = (): void => {
        connecting.delete(socket);
        if (socket.localPort === undefined || socket.remotePort === undefined) return;
        connection(`${socket.localPort}>${socket.remotePort}`).client = socket;
        changed();
      };
      if (socket.connecting) {
        connecting.add(socket);
        socket.once('connect', attach);
      } else attach();
      socket.once('close', () => {
        connecting.delete(socket);
        changed();
      });
    },
    quiet() {
      if (connecting.size > 0) return false;
      let quiet = true;
      for (const [key, c] of connections) {
        if (settled(c)) connections.delete(key);
        else if (inFlight(c)) quiet = false;
      }
      return quiet;
    },
    progress() {
      let moved = events;
      for (const c of connections.values()) for (const s of [c.client, c.server]) if (s) moved += s.bytesRead + (s.bytesWritten ?? 0);
      return moved;
    },
    describe() {
      const out = [...connecting].map(() => 'a connect under way');
      for (const [key, c] of connections) {
        if (settled(c) || !inFlight(c)) continue;
        const side = (s: Socket | undefined): string => (s ? `${s.destroyed ? 'closed' : 'open'} w${s.bytesWritten} r${s.bytesRead}` : 'not seen');
        out.push(`${key}: client ${side(c.client)}, server ${side(c.server)}`);
      }
      return out;
    },
  };
}
