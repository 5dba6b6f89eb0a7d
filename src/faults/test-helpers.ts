// Shared by the integration tests: a real upstream on loopback and undici as the client.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';

export interface SeenRequest {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
  /** performance.now() when the upstream had the whole request. */
  at: number;
}

export interface Upstream {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export type Responder = (res: ServerResponse, seen: SeenRequest) => void;

const okJson: Responder = (res, seen) => {
  const body = JSON.stringify({ ok: true, url: seen.url });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-upstream': 'yes' });
  res.end(body);
};

/** A tiny partner stand-in that records every request it receives. */
export async function startUpstream(respond: Responder = okJson): Promise<Upstream> {
  const requests: SeenRequest[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', rawHeaders: req.rawHeaders, body: Buffer.concat(chunks), at: performance.now() };
      requests.push(seen);
      respond(res, seen);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A client with its own keep-alive pool and timeouts, as railgate's HTTP client will have. */
export function createClient(timeouts: { headersTimeout?: number; bodyTimeout?: number } = {}) {
  const agent = new Agent({ headersTimeout: timeouts.headersTimeout ?? 10_000, bodyTimeout: timeouts.bodyTimeout ?? 10_000 });
  return {
    agent,
    request: (url: string, options: Omit<Parameters<typeof request>[1] & object, 'dispatcher'> = {}) => request(url, { ...options, dispatcher: agent }),
    close: () => agent.destroy(),
  };
}

export function headerOf(rawHeaders: readonly string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if ((rawHeaders[i] as string).toLowerCase() === name) values.push(rawHeaders[i + 1] as string);
  }
  return values;
}

/** Polls until `check` holds; a deadline instead of a fixed sleep keeps tests fast and unflaky. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The undici error code a rejected request ended with. */
export async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return String((err as { code?: unknown }).code);
  }
  throw new Error('expected the request to fail');
}
