import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Pool } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './helpers/free-port.ts';
import { startHostileServer } from './helpers/hostile-server.ts';
import type { HostileServer } from './helpers/hostile-server.ts';
import { hostileWorkspace } from './helpers/hostile-workspace.ts';
import { tempDir } from './helpers/workspace.ts';

// Issue 12, item 3: a sandbox that floods railgate's receiver with webhooks while the run talks to it.
// The receiver keeps a bounded number of deliveries (5000 a run) and refuses oversize ones unread; the run
// finishes and its report says how many deliveries were refused.

const FLOOD = 5_400;
const OVERSIZE = 3;

/** Posts `FLOOD` small deliveries and `OVERSIZE` 2 MiB ones at the receiver, 64 at a time; every answer is read. */
async function flood(receiverUrl: string): Promise<Record<string, number>> {
  const { origin, pathname } = new URL(receiverUrl);
  const pool = new Pool(origin, { connections: 64 });
  const big = 'x'.repeat(2 * 1024 * 1024);
  const bodies = [...Array.from({ length: FLOOD }, (_, i) => JSON.stringify({ id: `evt_flood_${i}`, type: 'payout.status_changed', data: {} })), ...Array<string>(OVERSIZE).fill(big)];
  const counts: Record<string, number> = {};
  await Promise.all(
    bodies.map(async (body) => {
      const status = await pool
        .request({ method: 'POST', path: pathname, headers: { 'content-type': 'application/json' }, body })
        .then(async (res) => (await res.body.dump(), String(res.statusCode)))
        .catch(() => 'closed');
      counts[status] = (counts[status] ?? 0) + 1;
    }),
  );
  await pool.destroy();
  return counts;
}

let server: HostileServer | undefined;
const disposals: Array<() => Promise<void>> = [];
afterAll(async () => {
  await server?.close();
  await Promise.all(disposals.map((d) => d()));
});

describe('a sandbox that floods the receiver with webhooks', () => {
  it('is refused past the receiver’s bounds; the run finishes and says how many it refused', { timeout: 150_000 }, async () => {
    const reports = await tempDir('railgate-flood-');
    disposals.push(reports.dispose);
    const port = await freePort();
    const receiverUrl = `http://127.0.0.1:${port}/webhooks/pixpay`;
    let flooded: Promise<Record<string, number>> | undefined;
    // The first request the run sends sets off the flood, and is answered once the flood is over: the check
    // that sent it is running all the while.
    server = await startHostileServer('error-body-200', { onRequest: async () => void (await (flooded ??= flood(receiverUrl))) });
    const ws = await hostileWorkspace(server.origin, `    timeouts: { connect: 300ms, headers: 60s, body: 300ms, deadline: 60s }\n    webhookUrl: ${receiverUrl}\n    receiverPort: ${port}`);
    disposals.push(ws.dispose);
    const r = await ws.run(['--family', 'contract'], path.join(reports.dir, 'flood'), 120_000);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.ready.verdict).toBe('NO-GO');
    const counts = await flooded;
    // Unsigned, each kept delivery is refused by verification (401); past 5000 kept, 429; the oversize ones 413 or a closed connection.
    expect(counts?.['429']).toBe(FLOOD - 5_000);
    expect((counts?.['413'] ?? 0) + (counts?.closed ?? 0)).toBe(OVERSIZE);
    const results = path.join(r.reports, 'allure-results');
    const texts = await Promise.all((await readdir(results)).filter((f) => f.endsWith('.txt')).map((f) => readFile(path.join(results, f), 'utf8')));
    expect(texts).toContain(`during this check railgate's receiver refused ${FLOOD - 5_000 + OVERSIZE} deliveries: ${OVERSIZE} over the body cap (answered 413, not read); ${FLOOD - 5_000} past the deliveries kept a run (answered 429, not kept)`);
  });
});
