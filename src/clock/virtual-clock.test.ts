import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterEach, describe, expect, test } from 'vitest';
import { timedDispatch, watchedConnector } from '../http/index.ts';
import { createVirtualClock } from './virtual-clock.ts';
import type { VirtualClock } from './virtual-clock.ts';

// Real loopback servers and undici clients, as in a run: only waiting is virtual.

const opened: { server: Server; agent: Agent }[] = [];
afterEach(async () => {
  for (const { server, agent } of opened.splice(0)) {
    await agent.close().catch(() => undefined);
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

async function serve(clock: VirtualClock, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ origin: string; agent: Agent }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  clock.watchServer(server);
  const agent = new Agent({ connect: watchedConnector(clock, { timeoutMs: 0 }), headersTimeout: 0, bodyTimeout: 0 });
  opened.push({ server, agent });
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, agent };
}

const timeouts = { connectMs: 2_000, headersMs: 10_000, bodyMs: 10_000, deadlineMs: 60_000 };

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'answered';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

/** Takes the event loop for `ms` real ms at a time, as other work on a loaded machine would. */
function hog(ms: number): () => void {
  const timer = setInterval(() => {
    const until = performance.now() + ms;
    while (performance.now() < until);
  }, 1);
  return () => clearInterval(timer);
}

describe('createVirtualClock', () => {
  test('an hour of waiting costs no real time, and now() moves by exactly that much', async () => {
    const clock = createVirtualClock({ start: 1_000 });
    const t0 = performance.now();
    await clock.sleep(3_600_000);
    expect(clock.now()).toBe(3_601_000);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  test('waits end in deadline order, same deadlines in the order they started', async () => {
    const clock = createVirtualClock({ start: 0 });
    const order: string[] = [];
    const mark = (name: string) => () => order.push(`${name}@${clock.now()}`);
    await Promise.all([clock.sleep(30).then(mark('c')), clock.sleep(10).then(mark('a')), clock.sleep(10).then(mark('b')), clock.sleep(20).then(mark('d'))]);
    expect(order).toEqual(['a@10', 'b@10', 'd@20', 'c@30']);
  });

  test('an aborted wait rejects with its reason and is forgotten', async () => {
    const clock = createVirtualClock({ start: 0 });
    const ac = new AbortController();
    const gone = clock.sleep(50, ac.signal);
    ac.abort(new Error('client gone'));
    await expect(gone).rejects.toThrow('client gone');
    await clock.sleep(10);
    expect(clock.now()).toBe(10);
  });

  test('a hold keeps time still until it is released', async () => {
    const clock = createVirtualClock({ start: 0 });
    const release = clock.hold();
    let woke = false;
    const sleeping = clock.sleep(1_000).then(() => (woke = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(woke).toBe(false);
    expect(clock.now()).toBe(0);
    release();
    await sleeping;
    expect(clock.now()).toBe(1_000);
  });

  test('time stands still while a file read is pending: the code awaiting it has not parked on the clock yet', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'railgate-clock-'));
    try {
      const file = path.join(dir, 'big');
      await writeFile(file, Buffer.alloc(32 * 1024 * 1024));
      const clock = createVirtualClock({ start: 0 });
      let woke = false;
      const sleeping = clock.sleep(1).then(() => (woke = true));
      await readFile(file);
      expect(woke).toBe(false);
      await sleeping;
      expect(clock.now()).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('time stands still while a body is on its way: a 1 ms body timeout never fires during a 16 MB transfer', async () => {
    const clock = createVirtualClock({ start: 0 });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const { origin, agent } = await serve(clock, (_req, res) => {
      res.writeHead(200, { 'content-length': String(chunk.length * 256) });
      let sent = 0;
      // Each chunk leaves on a later turn of the loop: many turns with bytes in flight and a timer pending.
      const more = (): void => {
        if (sent++ < 256) res.write(chunk, () => setImmediate(more));
        else res.end();
      };
      more();
    });
    const res = await timedDispatch(agent, `${origin}/big`, { method: 'GET', headers: {} }, { clock, timeouts: { ...timeouts, bodyMs: 1 } });
    expect(res.bodyText.length).toBe(chunk.length * 256);
    expect(clock.now()).toBe(0);
  });

  test('a body that stops, with nothing in flight, ends at the body timeout to the millisecond', async () => {
    const clock = createVirtualClock({ start: 0 });
    const { origin, agent } = await serve(clock, (_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":');
    });
    const started = clock.now();
    expect(await outcome(timedDispatch(agent, `${origin}/stall`, { method: 'GET', headers: {} }, { clock, timeouts: { ...timeouts, bodyMs: 5_000 } }))).toBe('UND_ERR_BODY_TIMEOUT');
    expect(clock.now() - started).toBe(5_000);
  });

  test('a partner that answers on the clock: the same outcome to the millisecond, on an idle loop or a hogged one', async () => {
    const run = async (hogMs: number): Promise<string[]> => {
      const clock = createVirtualClock({ start: 0 });
      const { origin, agent } = await serve(clock, (req, res) => {
        // Processing takes 10 s of the partner's time; the client's headers timeout decides.
        void clock.sleep(10_000).then(() => res.end('{"ok":true}'));
        req.resume();
      });
      const stop = hog(hogMs);
      try {
        const results: string[] = [];
        for (const headersMs of [9_999, 10_000, 10_001]) {
          const t0 = clock.now();
          const got = await outcome(timedDispatch(agent, `${origin}/slow`, { method: 'GET', headers: {} }, { clock, timeouts: { ...timeouts, headersMs } }));
          results.push(`${headersMs}: ${got} after ${clock.now() - t0} ms`);
        }
        return results;
      } finally {
        stop();
      }
    };
    const idle = await run(0);
    expect(idle[0]).toBe('9999: UND_ERR_HEADERS_TIMEOUT after 9999 ms');
    expect(idle[2]).toBe('10001: answered after 10000 ms');
    expect(await run(20)).toEqual(idle);
  });
});
