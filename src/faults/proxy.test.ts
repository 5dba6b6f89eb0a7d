import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createHttpClient } from '../http/index.ts';
import { startFaultProxy } from './proxy.ts';
import { createClient, errorCodeOf, headerOf, startUpstream, waitFor } from './test-helpers.ts';
import type { FaultProxy } from './types.ts';
import type { Upstream } from './test-helpers.ts';

let upstream: Upstream;
let proxy: FaultProxy;
let client: ReturnType<typeof createClient>;

const allBytes = Buffer.concat([0, 1, 2].map(() => Buffer.from(Array.from({ length: 256 }, (_, i) => i))));

beforeEach(async () => {
  upstream = await startUpstream((res, seen) => {
    res.writeHead(201, { 'content-type': 'application/octet-stream', 'x-upstream': 'yes', 'set-cookie': ['a=1', 'b=2'] });
    res.end(seen.body.length > 0 ? Buffer.from(seen.body).reverse() : 'empty');
  });
  proxy = await startFaultProxy({ target: upstream.url, logHeaders: ['Idempotency-Key'] });
  client = createClient();
});

afterEach(async () => {
  await client.close();
  await proxy.close();
  await upstream.close();
});

describe('forwarding without faults', () => {
  test('passes method, path, query, headers and binary body through exactly, and the answer back', async () => {
    const res = await client.request(`${proxy.url}/payouts/p1?x=1&y=%20z`, {
      method: 'PUT',
      headers: { 'Idempotency-Key': 'key-1', 'X-Railgate-Operation': 'updatePayout', 'X-Custom': 'v', 'content-type': 'application/octet-stream' },
      body: allBytes,
    });
    const answer = Buffer.from(await res.body.arrayBuffer());

    expect(upstream.requests).toHaveLength(1);
    const seen = upstream.requests[0]!;
    expect(seen.method).toBe('PUT');
    expect(seen.url).toBe('/payouts/p1?x=1&y=%20z');
    expect(seen.body.equals(allBytes)).toBe(true);
    expect(headerOf(seen.rawHeaders, 'host')).toEqual([new URL(upstream.url).host]);
    expect(headerOf(seen.rawHeaders, 'x-custom')).toEqual(['v']);
    expect(headerOf(seen.rawHeaders, 'idempotency-key')).toEqual(['key-1']);
    expect(headerOf(seen.rawHeaders, 'x-railgate-operation')).toEqual([]);

    expect(res.statusCode).toBe(201);
    expect(res.headers['x-upstream']).toBe('yes');
    expect(res.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(answer.equals(Buffer.from(allBytes).reverse())).toBe(true);
  });

  test('logs each request with its selected headers and operation', async () => {
    await (await client.request(`${proxy.url}/a`, { headers: { 'idempotency-key': 'k', 'x-railgate-operation': 'getA' } })).body.dump();
    expect(proxy.log).toHaveLength(1);
    expect(proxy.log[0]).toMatchObject({
      seq: 1,
      method: 'GET',
      path: '/a',
      operationId: 'getA',
      headers: { 'idempotency-key': 'k' },
      outcome: 'forwarded',
      forwarded: true,
      upstreamStatus: 201,
      status: 201,
      error: undefined,
    });
    expect(proxy.log[0]!.endedAt).toBeGreaterThanOrEqual(proxy.log[0]!.at);
  });

  test('keeps the target base path in its url', async () => {
    const based = await startFaultProxy({ target: `${upstream.url}/api/v1/` });
    try {
      expect(based.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
      await (await client.request(`${based.url}/payouts`)).body.dump();
      expect(upstream.requests[0]!.url).toBe('/api/v1/payouts');
    } finally {
      await based.close();
    }
  });

  test('answers 502 marked as its own when the target is unreachable', async () => {
    const gone = await startUpstream();
    await gone.close();
    const orphan = await startFaultProxy({ target: gone.url });
    try {
      const res = await client.request(`${orphan.url}/x`);
      await res.body.dump();
      expect(res.statusCode).toBe(502);
      expect(res.headers['x-railgate-proxy-error']).toBe('ECONNREFUSED');
      expect(orphan.log[0]!.error).toMatch(/ECONNREFUSED/);
    } finally {
      await orphan.close();
    }
  });

  test("railgate's client takes the proxy's marked 502 for what it stands for: no answer from the partner, never the partner's 502", async () => {
    const gone = await startUpstream();
    await gone.close();
    const orphan = await startFaultProxy({ target: gone.url });
    const http = createHttpClient({ timeouts: { connectMs: 5_000, headersMs: 5_000, bodyMs: 5_000, deadlineMs: 10_000 }, route: { from: gone.url, to: orphan.url } });
    try {
      const exchange = await http.send({ operationId: 'getX', method: 'GET', url: `${gone.url}/x`, headers: {} });
      expect(exchange.response).toBeUndefined();
      expect(exchange.error?.code).toBe('ECONNREFUSED');
      expect(exchange.error?.message).toMatch(/ECONNREFUSED/);
    } finally {
      await http.close();
      await orphan.close();
    }
  });

  test('refuses a target that is not an http(s) URL', async () => {
    await expect(startFaultProxy({ target: 'ftp://example.test' })).rejects.toThrow(TypeError);
    await expect(startFaultProxy({ target: '/relative' })).rejects.toThrow(TypeError);
    await expect(startFaultProxy({ target: upstream.url, maxHoldMs: 0 })).rejects.toThrow(RangeError);
  });
});

describe('rule matching and consumption', () => {
  const send = async (path: string, init: { method?: string; operation?: string } = {}) => {
    const headers: Record<string, string> = init.operation ? { 'x-railgate-operation': init.operation } : {};
    const res = await client.request(`${proxy.url}${path}`, { method: (init.method ?? 'GET') as 'GET', headers });
    await res.body.dump();
    return res.statusCode;
  };

  test('times: 2 affects exactly the next two matching requests, then the rule is gone', async () => {
    proxy.schedule({ times: 2, fault: { kind: 'status', status: 500 } });
    expect(proxy.pending()).toEqual([expect.objectContaining({ remaining: 2 })]);
    expect([await send('/x'), await send('/x'), await send('/x')]).toEqual([500, 500, 201]);
    expect(upstream.requests).toHaveLength(1);
    expect(proxy.pending()).toEqual([]);
    expect(proxy.log.map((e) => e.outcome)).toEqual(['status', 'status', 'forwarded']);
  });

  test('matches on method (any case), path and operation id; the operation header never reaches the target', async () => {
    proxy.schedule({ match: { method: 'post', path: '/payouts' }, fault: { kind: 'status', status: 502 } });
    proxy.schedule({ match: { operationId: 'createRefund' }, fault: { kind: 'status', status: 504 } });
    proxy.schedule({ match: { path: /^\/refunds\/\w+$/g }, times: 2, fault: { kind: 'status', status: 429 } });

    expect(await send('/payouts')).toBe(201); // GET: method differs
    expect(await send('/payouts?page=2', { method: 'POST' })).toBe(502); // query ignored by path
    expect(await send('/refunds', { method: 'POST', operation: 'getRefund' })).toBe(201);
    expect(await send('/refunds', { method: 'POST', operation: 'createRefund' })).toBe(504);
    // A /g RegExp keeps state between test() calls; both requests must still match.
    expect(await send('/refunds/r1')).toBe(429);
    expect(await send('/refunds/r2')).toBe(429);

    for (const seen of upstream.requests) expect(headerOf(seen.rawHeaders, 'x-railgate-operation')).toEqual([]);
    expect(proxy.log.map((e) => e.operationId)).toEqual([undefined, undefined, 'getRefund', 'createRefund', undefined, undefined]);
  });

  test('faults are consumed in schedule order', async () => {
    proxy.schedule({ fault: { kind: 'status', status: 503 } });
    proxy.schedule({ fault: { kind: 'status', status: 500 } });
    expect([await send('/x'), await send('/x'), await send('/x')]).toEqual([503, 500, 201]);
  });

  test('clear() drops pending rules and the log', async () => {
    proxy.schedule({ fault: { kind: 'status', status: 503 } });
    await send('/x');
    proxy.schedule({ fault: { kind: 'status', status: 503 } });
    proxy.clear();
    expect(proxy.pending()).toEqual([]);
    expect(proxy.log).toEqual([]);
    expect(await send('/x')).toBe(201);
  });

  test('a malformed rule is refused at schedule time', () => {
    expect(() => proxy.schedule({ fault: { kind: 'status', status: 404 as 500 } })).toThrow(/429, 500, 502, 503, 504/);
    expect(() => proxy.schedule({ times: 0, fault: { kind: 'hang' } })).toThrow(RangeError);
    expect(proxy.pending()).toEqual([]);
  });
});

describe('close()', () => {
  test('ends hung, dropped and stalled exchanges promptly and resolves', async () => {
    const patient = createClient({ headersTimeout: 60_000, bodyTimeout: 60_000 });
    proxy.schedule({ match: { path: '/hang' }, fault: { kind: 'hang' } });
    proxy.schedule({ match: { path: '/drop' }, fault: { kind: 'drop-response' } });
    proxy.schedule({ match: { path: '/stall' }, fault: { kind: 'stall-body' } });
    const settled = Promise.allSettled([
      patient.request(`${proxy.url}/hang`),
      patient.request(`${proxy.url}/drop`),
      patient.request(`${proxy.url}/stall`).then((res) => res.body.text()),
    ]);
    await waitFor(() => upstream.requests.length === 2 && proxy.log.length === 3, 'all three exchanges to be held');

    const t0 = performance.now();
    await proxy.close();
    const results = await settled;
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(proxy.log.every((e) => e.endedAt !== undefined)).toBe(true);
    await proxy.close(); // idempotent
    await patient.close();
  });

  test('maxHoldMs resets a socket the client never gives up on', async () => {
    const held = await startFaultProxy({ target: upstream.url, maxHoldMs: 200 });
    try {
      held.schedule({ fault: { kind: 'hang' } });
      const code = await errorCodeOf(client.request(`${held.url}/x`));
      expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(code);
      expect(held.log[0]!.error).toMatch(/maxHoldMs/);
    } finally {
      await held.close();
    }
  });
});
