import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createClock, createManualClock } from '../clock/index.ts';
import { startFaultProxy } from './proxy.ts';
import { createClient, errorCodeOf, startUpstream, waitFor } from './test-helpers.ts';
import type { Clock } from '../clock/index.ts';
import type { FaultProxy } from './types.ts';
import type { Upstream } from './test-helpers.ts';

// Timing assertions are lower bounds and orderings only: a loaded machine makes things late, never early.
const BODY = 'abcdefghijklmnopqrst';
const SHORT = 300; // real ms: client timeouts that the tests expect to fire

let upstream: Upstream;
let proxy: FaultProxy;
let client: ReturnType<typeof createClient>;

async function setUp(clock?: Clock): Promise<void> {
  proxy = await startFaultProxy({ target: upstream.url, clock });
}

beforeEach(async () => {
  upstream = await startUpstream((res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': BODY.length });
    res.end(BODY);
  });
  client = createClient({ headersTimeout: SHORT, bodyTimeout: SHORT });
});

afterEach(async () => {
  await client.close();
  await proxy.close();
  await upstream.close();
});

describe('status', () => {
  test('503 with Retry-After in seconds, answered without reaching the target', async () => {
    await setUp();
    proxy.schedule({ fault: { kind: 'status', status: 503, retryAfter: 7, body: 'try later' } });
    const res = await client.request(`${proxy.url}/payouts`, { method: 'POST', body: '{}' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('7');
    expect(await res.body.text()).toBe('try later');
    expect(upstream.requests).toHaveLength(0);
    expect(proxy.log[0]).toMatchObject({ outcome: 'status', forwarded: false, status: 503 });
  });

  test('429 with an HTTP-date and partner-shaped headers; the connection stays usable', async () => {
    await setUp();
    const date = new Date(Date.UTC(2030, 0, 1)).toUTCString();
    proxy.schedule({ fault: { kind: 'status', status: 429, retryAfter: date, body: '{"code":"RATE"}', headers: { 'Content-Type': 'application/json' } } });
    const res = await client.request(`${proxy.url}/x`);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe(date);
    expect(res.headers['content-type']).toBe('application/json');
    expect(await res.body.json()).toEqual({ code: 'RATE' });
    const next = await client.request(`${proxy.url}/x`);
    expect(await next.body.text()).toBe(BODY);
  });
});

describe('reset', () => {
  test('before-forward: the client sees a reset and the target nothing', async () => {
    await setUp();
    proxy.schedule({ fault: { kind: 'reset', when: 'before-forward' } });
    expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(await errorCodeOf(client.request(`${proxy.url}/x`, { method: 'POST', body: 'a' })));
    expect(upstream.requests).toHaveLength(0);
    expect(proxy.log[0]).toMatchObject({ outcome: 'reset', forwarded: false, status: undefined });
  });

  test('after-forward: the target answered, the client sees a reset', async () => {
    await setUp();
    proxy.schedule({ fault: { kind: 'reset', when: 'after-forward' } });
    expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(await errorCodeOf(client.request(`${proxy.url}/x`, { method: 'POST', body: 'a' })));
    expect(upstream.requests).toHaveLength(1);
    expect(proxy.log[0]).toMatchObject({ outcome: 'reset', forwarded: true, upstreamStatus: 200, status: undefined });
    // The next request opens a new connection and goes through.
    expect(await (await client.request(`${proxy.url}/x`)).body.text()).toBe(BODY);
  });
});

describe('drop-response', () => {
  test('the target commits once, the client times out waiting for headers', async () => {
    await setUp();
    proxy.schedule({ fault: { kind: 'drop-response' } });
    expect(await errorCodeOf(client.request(`${proxy.url}/payouts`, { method: 'POST', body: '{"amount":100}' }))).toBe('UND_ERR_HEADERS_TIMEOUT');
    expect(upstream.requests).toHaveLength(1);
    expect(proxy.log[0]).toMatchObject({ outcome: 'drop-response', forwarded: true, upstreamStatus: 200, status: undefined });
    // The hold ends once the client has given up.
    await waitFor(() => proxy.log[0]!.endedAt !== undefined, 'the hold to be released');
  });
});

describe('stall-body', () => {
  test('headers and the first bytes arrive, then the body times out', async () => {
    await setUp();
    proxy.schedule({ fault: { kind: 'stall-body', afterBytes: 5 } });
    const res = await client.request(`${proxy.url}/x`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe(String(BODY.length));
    const received: Buffer[] = [];
    const code = await errorCodeOf(
      (async () => {
        for await (const chunk of res.body) received.push(chunk as Buffer);
      })(),
    );
    expect(code).toBe('UND_ERR_BODY_TIMEOUT');
    expect(Buffer.concat(received).toString()).toBe(BODY.slice(0, 5));
    expect(upstream.requests).toHaveLength(1);
  });

  test('a body shorter than afterBytes is sent without a length, so it still never completes', async () => {
    await setUp();
    proxy.schedule({ fault: { kind: 'stall-body', afterBytes: 1_000 } });
    const res = await client.request(`${proxy.url}/x`);
    expect(res.headers['content-length']).toBeUndefined();
    const received: Buffer[] = [];
    const code = await errorCodeOf(
      (async () => {
        for await (const chunk of res.body) received.push(chunk as Buffer);
      })(),
    );
    expect(code).toBe('UND_ERR_BODY_TIMEOUT');
    expect(Buffer.concat(received).toString()).toBe(BODY);
  });
});

describe('hang', () => {
  test('nothing reaches the target and nothing comes back', async () => {
    await setUp();
    proxy.schedule({ fault: { kind: 'hang' } });
    expect(await errorCodeOf(client.request(`${proxy.url}/x`, { method: 'POST', body: 'a' }))).toBe('UND_ERR_HEADERS_TIMEOUT');
    expect(upstream.requests).toHaveLength(0);
    expect(proxy.log[0]).toMatchObject({ outcome: 'hang', forwarded: false });
  });
});

describe('latency (scaled clock: 30 s of profile time = 300 ms real)', () => {
  const clock = createClock({ scale: 0.01 });
  const patient = { headersTimeout: 10_000, bodyTimeout: 10_000 };

  test('before-forward delays the request on its way to the target', async () => {
    await setUp(clock);
    const slow = createClient(patient);
    proxy.schedule({ fault: { kind: 'latency', ms: 30_000, when: 'before-forward' } });
    const t0 = performance.now();
    const res = await slow.request(`${proxy.url}/x`);
    const body = await res.body.text();
    const elapsed = performance.now() - t0;
    await slow.close();

    expect(body).toBe(BODY);
    expect(upstream.requests[0]!.at - t0).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(10_000);
    const event = proxy.log[0]!;
    expect(event.endedAt! - event.at).toBeGreaterThanOrEqual(28_000); // profile units
  });

  test('before-respond lets the target answer first, then delays the answer', async () => {
    await setUp(clock);
    const slow = createClient(patient);
    proxy.schedule({ fault: { kind: 'latency', ms: 30_000, when: 'before-respond' } });
    const res = await slow.request(`${proxy.url}/x`);
    const answeredAt = performance.now();
    await res.body.dump();
    await slow.close();

    expect(upstream.requests).toHaveLength(1);
    expect(answeredAt - upstream.requests[0]!.at).toBeGreaterThanOrEqual(280);
  });

  test('before-forward: a client that gives up during the delay does not stop the request reaching the target', async () => {
    await setUp(clock);
    const slow = createClient(patient);
    proxy.schedule({ fault: { kind: 'latency', ms: 30_000, when: 'before-forward' } });
    // AbortSignal rather than headersTimeout: undici's own timeouts tick at ~1 s resolution.
    await expect(slow.request(`${proxy.url}/payouts`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(50) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(upstream.requests).toHaveLength(0);
    await waitFor(() => proxy.log[0]?.endedAt !== undefined, 'the delayed request to be forwarded');
    expect(upstream.requests).toHaveLength(1);
    expect(proxy.log[0]).toMatchObject({ forwarded: true, upstreamStatus: 200, status: undefined });
    expect(proxy.log[0]!.error).toMatch(/client went away/);
    await slow.close();
  });

  test('a manual clock holds the request until advanced past the delay', async () => {
    const manual = createManualClock();
    await setUp(manual);
    const slow = createClient(patient);
    proxy.schedule({ fault: { kind: 'latency', ms: 5_000, when: 'before-forward' } });
    const pending = slow.request(`${proxy.url}/x`).then((res) => res.body.text());

    await waitFor(() => manual.pending() === 1, 'the proxy to start waiting');
    manual.advance(4_999);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(upstream.requests).toHaveLength(0);
    manual.advance(1);
    expect(await pending).toBe(BODY);
    expect(upstream.requests).toHaveLength(1);
    expect(proxy.log[0]!.endedAt! - proxy.log[0]!.at).toBe(5_000);
    await slow.close();
  });
});
