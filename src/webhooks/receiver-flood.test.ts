import { Readable } from 'node:stream';
import { Pool } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver } from './receiver.ts';
import type { WebhookReceiver } from './receiver.ts';

// Issue 12: a partner that floods railgate's receiver. The receiver keeps a bounded number of deliveries,
// refuses an oversize one unread, and answers every request: the flood ends, the run goes on.

let receiver: WebhookReceiver | undefined;
afterEach(async () => receiver?.close());

async function flood(url: string, bodies: Array<string | { chunked: Buffer }>, connections: number): Promise<number[]> {
  const { origin, pathname } = new URL(url);
  const pool = new Pool(origin, { connections });
  try {
    return await Promise.all(
      bodies.map(async (b) => {
        // No length announced: the receiver must count the bytes to refuse them.
        const body = typeof b === 'string' ? b : Readable.from([b.chunked]);
        const res = await pool.request({ method: 'POST', path: pathname, headers: { 'content-type': 'application/json' }, body }).catch((e: Error & { code?: string }) => ({ statusCode: e.code ?? 'ERR', body: undefined }));
        await res.body?.dump();
        return typeof res.statusCode === 'number' ? res.statusCode : -1;
      }),
    );
  } finally {
    await pool.destroy();
  }
}

describe("railgate's receiver under a flood", () => {
  it('keeps at most its cap, refuses oversize deliveries unread, answers every request', async () => {
    receiver = await startReceiver({ path: '/webhooks/flood', stages: [], limits: { maxKept: 100, maxBodyBytes: 64 * 1024 } });
    const small = Array.from({ length: 600 }, (_, i) => JSON.stringify({ id: `evt_${i}`, type: 'payout.status_changed' }));
    const big = 'x'.repeat(2 * 1024 * 1024);
    const statuses = await flood(receiver.url, [...small, big, big, { chunked: Buffer.from(big) }], 32);
    expect(receiver.deliveries()).toHaveLength(100);
    expect(receiver.overflow()).toEqual({ tooLarge: 3, overKept: 500 });
    const counts = statuses.reduce<Record<number, number>>((c, s) => ({ ...c, [s]: (c[s] ?? 0) + 1 }), {});
    // The oversize ones may see the connection close before reading the 413: refused either way.
    expect(counts[204]).toBe(100);
    expect(counts[429]).toBe(500);
    expect((counts[413] ?? 0) + (counts[-1] ?? 0)).toBe(3);
  });

  it('closes connections past its connection cap as they come, and still serves the rest', async () => {
    receiver = await startReceiver({ path: '/webhooks/flood', stages: [], limits: { maxConnections: 4 } });
    const statuses = await flood(receiver.url, Array.from({ length: 64 }, () => '{}'), 16);
    expect(statuses.filter((s) => s === 204).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 204 || s === -1)).toBe(true);
    expect(receiver.deliveries().length).toBe(statuses.filter((s) => s === 204).length);
  });
});
