import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClock } from '../clock/index.ts';
import { timedDispatch } from './timed-dispatch.ts';

// A real loopback server: one path answers, one never answers, one stalls after the headers.
let server: Server;
let origin: string;
const agent = new Agent();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok') return res.end('{"ok":true}');
    if (req.url === '/stall') {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":');
    }
    // '/hang': nothing at all
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await agent.close().catch(() => undefined);
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

// 10 s of profile time at scale 0.01 is 100 ms; undici's own timers would fire at ~1 s.
const clock = createClock({ scale: 0.01 });
const timeouts = { connectMs: 2000, headersMs: 10_000, bodyMs: 10_000, deadlineMs: 60_000 };

async function elapsed(fn: () => Promise<unknown>): Promise<{ ms: number; error: { code?: string } | undefined }> {
  const t0 = performance.now();
  try {
    await fn();
    return { ms: performance.now() - t0, error: undefined };
  } catch (e) {
    return { ms: performance.now() - t0, error: e as { code?: string } };
  }
}

describe('timedDispatch', () => {
  test('answers as undici does', async () => {
    const res = await timedDispatch(agent, `${origin}/ok`, { method: 'GET', headers: {} }, { clock, timeouts });
    expect(res).toMatchObject({ status: 200, bodyText: '{"ok":true}' });
  });

  test('a scaled headers timeout well under a second holds', async () => {
    const r = await elapsed(() => timedDispatch(agent, `${origin}/hang`, { method: 'GET', headers: {} }, { clock, timeouts }));
    expect(r.error?.code).toBe('UND_ERR_HEADERS_TIMEOUT');
    expect(r.ms).toBeGreaterThanOrEqual(95);
    expect(r.ms).toBeLessThan(500);
  });

  test('a stalled body ends at the scaled body timeout', async () => {
    const r = await elapsed(() => timedDispatch(agent, `${origin}/stall`, { method: 'GET', headers: {} }, { clock, timeouts: { ...timeouts, bodyMs: 5000 } }));
    expect(r.error?.code).toBe('UND_ERR_BODY_TIMEOUT');
    expect(r.ms).toBeLessThan(500);
  });

  test('the deadline cuts the exchange whatever the phase', async () => {
    const r = await elapsed(() => timedDispatch(agent, `${origin}/hang`, { method: 'GET', headers: {} }, { clock, timeouts: { ...timeouts, deadlineMs: 3000 } }));
    expect(r.error?.code).toBe('DEADLINE');
    expect(r.ms).toBeLessThan(300);
  });

  test("a caller's abort ends it with the caller's reason", async () => {
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(new Error('check gave up')), 20);
    const r = await elapsed(() => timedDispatch(agent, `${origin}/hang`, { method: 'GET', headers: {} }, { clock, timeouts, signal: ctl.signal }));
    expect((r.error as Error).message).toBe('check gave up');
  });
});
