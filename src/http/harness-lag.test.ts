import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../clock/index.ts';
import { createHttpClient } from './client.ts';

// Against a sandbox a duration is real time, and railgate's own lateness is in it: an exchange says how late
// railgate's event loop was while it was timed, so the latency judge can leave it out (issue 11).

const TIMEOUTS = { connectMs: 2_000, headersMs: 5_000, bodyMs: 5_000, deadlineMs: 10_000 };
const server = createServer((_req, res) => setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 40));
let url: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/payouts`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Holds this process's event loop, as a busy machine or a long synchronous step does. */
function block(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* busy */
  }
}

describe("an exchange's harness lag", () => {
  it("records how late railgate's event loop was while the exchange was timed", async () => {
    const client = createHttpClient({ timeouts: TIMEOUTS, clock: createClock() });
    try {
      setTimeout(() => block(200), 5);
      const e = await client.send({ method: 'GET', url, headers: {} });
      expect(e.response?.status).toBe(200);
      expect(e.harnessLagMs).toBeGreaterThanOrEqual(150);
      expect(e.durationMs).toBeGreaterThanOrEqual(200);
    } finally {
      await client.close();
    }
  });
});
