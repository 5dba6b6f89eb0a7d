import { describe, expect, it } from 'vitest';
import type { Exchange } from '../src/http/index.ts';
import type { Family } from '../src/profile/index.ts';
import { runInProcess } from './helpers/in-process.ts';
import { loadExamplePartner } from './helpers/workspace.ts';

// Issue 12, item 6: the same seed gives the same requests, byte for byte, idempotency keys included. What a
// partner's scheme makes fresh on every request on purpose (a timestamp, a nonce, the signature over them, a
// token the partner issued at a time) is left out; everything else — method, URL, body, every other header —
// is compared whole, but for the loopback ports the operating system picks.

const FRESH = /timestamp|nonce|signature|^date$/i;
const FAMILIES: Family[] = ['contract', 'auth', 'idempotency', 'errors', 'retry', 'transactions', 'scenarios'];

function requestLog(exchanges: readonly Exchange[]): string[] {
  return exchanges.map(({ request }) => {
    const headers = Object.entries(request.headers)
      .filter(([name, value]) => !FRESH.test(name) && !(name === 'authorization' && /^Bearer /i.test(value)))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => `${name}: ${value}`);
    const body = typeof request.body === 'string' ? request.body : request.body === undefined ? '' : Buffer.from(request.body).toString('base64');
    // Loopback ports are the operating system's choice: the simulator's, and the receiver's in a registration.
    return [`${request.method} ${request.url}`, ...headers, '', body].join('\n').replace(/\b127\.0\.0\.1:\d+/g, '127.0.0.1:PORT');
  });
}

describe('the same seed, the same requests', () => {
  it.each(['pixpay', 'lionbank', 'eurocard'])('%s: two runs with one seed send the same requests; another seed sends others', async (id) => {
    const partner = await loadExamplePartner(id);
    const first = requestLog((await runInProcess(partner, { families: FAMILIES, seed: 4242 })).exchanges);
    const again = requestLog((await runInProcess(partner, { families: FAMILIES, seed: 4242 })).exchanges);
    const other = requestLog((await runInProcess(partner, { families: FAMILIES, seed: 4243 })).exchanges);
    expect(first.length).toBeGreaterThan(20);
    // The first difference, not two walls of text: where determinism breaks is what one needs to see.
    const at = first.findIndex((r, i) => r !== again[i]);
    expect(at === -1 ? undefined : { request: at, first: first[at], again: again[at] }).toBeUndefined();
    expect(again).toHaveLength(first.length);
    expect(other.filter((r, i) => r !== first[i]).length).toBeGreaterThan(first.length / 2);
  });
});
