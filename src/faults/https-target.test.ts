import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { startFaultProxy } from './proxy.ts';
import { createClient } from './test-helpers.ts';

// DESIGN: the fault layer must work against an HTTPS sandbox. The client talks plain http to the
// proxy on loopback and the proxy opens TLS to the target, so HTTP-level faults still apply.
const cert = readFileSync(new URL('./fixtures/localhost-cert.pem', import.meta.url));
const key = readFileSync(new URL('./fixtures/localhost-key.pem', import.meta.url));

test('relays to an https target and injects faults in front of it', async () => {
  let hits = 0;
  const server = createServer({ cert, key }, (req, res) => {
    hits++;
    res.end(`secure ${req.headers.host}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const target = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const proxy = await startFaultProxy({ target, targetTls: { ca: cert } });
  const client = createClient();
  try {
    const res = await client.request(`${proxy.url}/x`);
    expect(await res.body.text()).toBe(`secure ${new URL(target).host}`);

    proxy.schedule({ fault: { kind: 'status', status: 503, retryAfter: 1 } });
    const limited = await client.request(`${proxy.url}/x`);
    await limited.body.dump();
    expect(limited.statusCode).toBe(503);
    expect(hits).toBe(1);
  } finally {
    await client.close();
    await proxy.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
});

test('an untrusted https target is a marked 502, not a silent pass', async () => {
  const server = createServer({ cert, key }, (_req, res) => res.end('never'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy = await startFaultProxy({ target: `https://127.0.0.1:${(server.address() as AddressInfo).port}` });
  const client = createClient();
  try {
    const res = await client.request(`${proxy.url}/x`);
    await res.body.dump();
    expect(res.statusCode).toBe(502);
    expect(res.headers['x-railgate-proxy-error']).toBeTruthy();
  } finally {
    await client.close();
    await proxy.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
});
