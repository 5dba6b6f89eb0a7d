import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback HTTP server standing in for a hostile sandbox (issue 12). Each behaviour answers every request
 * the same way; `requests` counts what arrived, so a test can tell attempts apart.
 */
export type Hostile =
  /** Accepts the request and never answers. */
  | 'never-answers'
  /** Sends the status line one byte a second: the headers never complete in time. */
  | 'headers-a-byte-a-second'
  /** Sends the headers, then the body one byte a second. */
  | 'body-a-byte-a-second'
  /** A 100 MB JSON body, chunked (no length announced), written as fast as the client reads. */
  | 'huge-body'
  /** The same, its content-length announced. */
  | 'huge-body-announced'
  /** 200 with `application/json` and a body that is not JSON. */
  | 'invalid-json'
  /** 200 with an HTML page for a JSON API. */
  | 'wrong-content-type'
  /** Headers announce 1000 bytes; the connection closes after 11. */
  | 'closes-mid-body'
  /** 200 with an error object as the body. */
  | 'error-body-200'
  /** 302 to another host. */
  | 'redirects-away';

export interface HostileServer {
  origin: string;
  requests(): number;
  close(): Promise<void>;
}

/** One behaviour for every request, or one chosen per request (by method and path). */
export type Behaviour = Hostile | ((req: IncomingMessage) => Hostile);

export const HUGE_BODY_BYTES = 100 * 1024 * 1024;
export const REDIRECT_TARGET = 'http://attacker.example:8443/collect';

const MIB = Buffer.alloc(1024 * 1024, 0x61);

function behave(kind: Hostile, res: ServerResponse, timers: Set<NodeJS.Timeout>): void {
  const drip = (socketWrite: (b: string) => void, text: string): void => {
    let i = 0;
    const t = setInterval(() => {
      if (res.socket?.destroyed ?? true) return clearInterval(t);
      socketWrite(text[i++ % text.length] ?? ' ');
    }, 1000);
    timers.add(t);
  };
  switch (kind) {
    case 'never-answers':
      return;
    case 'headers-a-byte-a-second':
      return drip((b) => res.socket?.write(b), 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n');
    case 'body-a-byte-a-second':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders();
      return drip((b) => res.write(b), '{"id":"po_1","status":"PENDING"}');
    case 'huge-body':
    case 'huge-body-announced': {
      res.writeHead(200, { 'content-type': 'application/json', ...(kind === 'huge-body-announced' && { 'content-length': String(HUGE_BODY_BYTES + 14) }) });
      res.write('{"padding":"');
      let sent = 0;
      const write = (): void => {
        while (sent < HUGE_BODY_BYTES) {
          sent += MIB.length;
          if (!res.write(MIB)) return void res.once('drain', write);
        }
        res.end('"}');
      };
      return write();
    }
    case 'invalid-json':
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"id": "po_1", "status": ');
    case 'wrong-content-type':
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body>Service temporarily unavailable</body></html>');
    case 'closes-mid-body':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"id":"po_1"');
      return void timers.add(setTimeout(() => res.socket?.destroy(), 20));
    case 'error-body-200':
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'INTERNAL_ERROR', message: 'something went wrong' } }));
    case 'redirects-away':
      return void res.writeHead(302, { location: REDIRECT_TARGET, 'content-type': 'text/plain' }).end(`moved to ${REDIRECT_TARGET}`);
  }
}

/** `onRequest` runs, and is waited for, before every answer (a flood of webhooks toward railgate's receiver, say). */
export async function startHostileServer(behaviour: Behaviour, opts: { onRequest?: (req: IncomingMessage) => Promise<void> } = {}): Promise<HostileServer> {
  let requests = 0;
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    requests++;
    // The request body is read, so the client is never the one stalled.
    req.resume();
    const kind = typeof behaviour === 'function' ? behaviour(req) : behaviour;
    void (opts.onRequest?.(req) ?? Promise.resolve()).then(() => behave(kind, res, timers));
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    async close() {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
