import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../src/http/index.ts';
import type { ClientTimeouts, Exchange, HttpClient } from '../src/http/index.ts';
import { resolvePolicy, runRetries } from '../src/retry/index.ts';
import { createClock } from '../src/clock/index.ts';
import { HUGE_BODY_BYTES, REDIRECT_TARGET, startHostileServer } from './helpers/hostile-server.ts';
import type { Hostile, HostileServer } from './helpers/hostile-server.ts';

// Issue 12, item 3, at the HTTP client: real loopback servers stand in for a hostile sandbox. Timeouts are
// small (300 ms a phase, 2 s a call) and nothing asserts how long anything took: that a phase fired, which
// one, and that it fired before the call's deadline (the deadline's own code would say otherwise).

const TIMEOUTS: ClientTimeouts = { connectMs: 300, headersMs: 300, bodyMs: 300, deadlineMs: 2000 };
const CAP = 256 * 1024;

let server: HostileServer | undefined;
let client: HttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = server = undefined;
});

async function against(kind: Hostile, opts: { timeouts?: Partial<ClientTimeouts>; hosts?: string[] } = {}): Promise<{ exchange: Exchange; origin: string }> {
  server = await startHostileServer(kind);
  client = createHttpClient({ timeouts: { ...TIMEOUTS, ...opts.timeouts }, limits: { maxBodyBytes: CAP, hosts: opts.hosts ?? [new URL(server.origin).host] } });
  const exchange = await client.send({ method: 'GET', url: `${server.origin}/v2/payouts/po_1`, headers: {} });
  return { exchange, origin: server.origin };
}

describe('phase timeouts against a hostile sandbox', () => {
  it('a server that never answers: the headers timeout fires, named, before the deadline', async () => {
    const { exchange } = await against('never-answers');
    expect(exchange.response).toBeUndefined();
    expect(exchange.error).toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT', message: 'no response headers within 300 ms' });
  });

  it('a status line a byte a second: the headers timeout fires, not the deadline', async () => {
    const { exchange } = await against('headers-a-byte-a-second');
    expect(exchange.error?.code).toBe('UND_ERR_HEADERS_TIMEOUT');
  });

  it('a body a byte a second: the body timeout fires between bytes; with a patient body timeout, the deadline ends it', async () => {
    expect((await against('body-a-byte-a-second')).exchange.error).toMatchObject({ code: 'UND_ERR_BODY_TIMEOUT', message: expect.stringMatching(/body data within 300 ms/) });
    await client?.close();
    await server?.close();
    const patientBody = await against('body-a-byte-a-second', { timeouts: { bodyMs: 5000, deadlineMs: 1500 } });
    expect(patientBody.exchange.error).toMatchObject({ code: 'DEADLINE', message: 'no complete answer within the 1500 ms deadline' });
  });

  it('a connect that never completes: the connect timeout fires', async () => {
    // A blackholed address cannot be made on loopback (the kernel answers at once): a connector that never
    // calls back stands in for a SYN nobody answers, behind a real undici agent.
    const hanging = new Agent({ connect: () => undefined });
    client = createHttpClient({ timeouts: TIMEOUTS, dispatcher: hanging });
    const exchange = await client.send({ method: 'GET', url: 'http://192.0.2.1:9/v2/payouts', headers: {} });
    await hanging.destroy();
    expect(exchange.error).toMatchObject({ code: 'UND_ERR_CONNECT_TIMEOUT', message: 'no connection within 300 ms' });
  });

  it('each timed-out attempt is retried per policy: every attempt a headers timeout, the call within its deadline', async () => {
    server = await startHostileServer('never-answers');
    const timeouts: ClientTimeouts = { connectMs: 300, headersMs: 200, bodyMs: 200, deadlineMs: 5000 };
    client = createHttpClient({ timeouts });
    const profile = { retry: { attempts: 3, backoff: { base: '10ms', cap: '20ms', jitter: 'none' as const }, on: { network: ['timeout' as const] } } };
    const policy = resolvePolicy(profile as never, 'getPayout', timeouts);
    const c = client;
    const origin = server.origin;
    const call = await runRetries((_n, t) => c.send({ method: 'GET', url: `${origin}/v2/payouts/po_1`, headers: {} }, { timeouts: t }), policy, { clock: createClock(), rng: { next: () => 0.5 }, codes: { retryClassOf: () => undefined } });
    expect(call.outcome).toBe('exhausted');
    expect(call.attempts.map((a) => a.exchange.error?.code)).toEqual(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);
    expect(server.requests()).toBe(3);
  });
});

describe('answers railgate does not take whole', () => {
  it.each(['huge-body', 'huge-body-announced'] as const)('%s: refused at the cap, only the head kept, the size named', async (kind) => {
    const before = process.memoryUsage().rss;
    const { exchange } = await against(kind);
    expect(exchange.response).toBeUndefined();
    expect(exchange.error?.code).toBe('BODY_TOO_LARGE');
    expect(exchange.error?.message).toMatch(/larger than the 256 KiB cap.*not kept whole/);
    if (kind === 'huge-body-announced') expect(exchange.error?.message).toContain(`content-length ${HUGE_BODY_BYTES + 14}`);
    const partial = exchange.error?.partial;
    expect(partial?.status).toBe(200);
    expect(partial?.receivedBytes).toBeLessThan(CAP + 1024 * 1024);
    expect(partial?.bodyHead.length).toBeLessThanOrEqual(64 * 1024);
    // Memory stays bounded: nothing near the 100 MB the partner sent is held (loose: other tests share the process).
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('invalid JSON under a JSON content-type is named as such; the text is kept', async () => {
    const { exchange } = await against('invalid-json');
    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.bodyIssue).toMatch(/^not valid JSON though its content-type is application\/json: /);
    expect(exchange.response?.body).toBe('{"id": "po_1", "status": ');
  });

  it('an HTML page is kept as text, its content-type as sent (the contract names the mismatch)', async () => {
    const { exchange } = await against('wrong-content-type');
    expect(exchange.response).toMatchObject({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    expect(typeof exchange.response?.body).toBe('string');
    expect(exchange.response?.bodyIssue).toBeUndefined();
  });

  it('a connection closed mid-body is named as such, with what arrived; its code is a reset, which policies retry', async () => {
    const { exchange } = await against('closes-mid-body');
    expect(exchange.error?.code).toBe('UND_ERR_SOCKET');
    expect(exchange.error?.message).toMatch(/^the connection closed during the body, after 12 of 1000 bytes: /);
  });

  it('a redirect to a host not in the profile is refused, naming the host; none is ever followed', async () => {
    const away = await against('redirects-away');
    expect(away.exchange.response).toBeUndefined();
    expect(away.exchange.error).toMatchObject({ code: 'REDIRECT_REFUSED', message: expect.stringContaining(`redirecting to ${new URL(REDIRECT_TARGET).origin}, a host not in the profile`) });
    expect(away.exchange.error?.partial?.headers.location).toBe(REDIRECT_TARGET);
    expect(server?.requests()).toBe(1);
    await client?.close();
    await server?.close();
    // A host the profile names: the 3xx is the partner's answer, judged as such, still not followed.
    const listed = await against('redirects-away', { hosts: [new URL(REDIRECT_TARGET).host] });
    expect(listed.exchange.response?.status).toBe(302);
  });
});

describe("the run's own signal", () => {
  it('ends an exchange in flight with its reason, and refuses the next one at once', async () => {
    server = await startHostileServer('never-answers');
    const run = new AbortController();
    client = createHttpClient({ timeouts: { ...TIMEOUTS, headersMs: 60_000, deadlineMs: 60_000 }, signal: run.signal });
    const url = `${server.origin}/v2/payouts`;
    const pending = client.send({ method: 'GET', url, headers: {} });
    setTimeout(() => run.abort(Object.assign(new Error('the run reached its 1m bound'), { code: 'RUN_BOUND' })), 50);
    expect((await pending).error).toMatchObject({ code: 'RUN_BOUND', message: 'the run reached its 1m bound' });
    expect((await client.send({ method: 'GET', url, headers: {} })).error?.code).toBe('RUN_BOUND');
  });
});
