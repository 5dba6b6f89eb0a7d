import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Readiness } from '../src/readiness/index.ts';
import { startHostileServer } from './helpers/hostile-server.ts';
import type { Hostile, HostileServer } from './helpers/hostile-server.ts';
import { hostileWorkspace } from './helpers/hostile-workspace.ts';
import { tempDir } from './helpers/workspace.ts';

// Issue 12, item 3, end to end: `railgate run --env sandbox` against loopback servers that behave like a
// hostile sandbox. The sandbox's own timeouts are small (300 ms a phase; the profile's are 10 s) so that a
// run costs seconds; nothing asserts how long anything took, only what fired and what the reports say.

const SANDBOX_TIMEOUTS = '    timeouts: { connect: 300ms, headers: 300ms, body: 300ms, deadline: 2s }';

let reports: Awaited<ReturnType<typeof tempDir>>;
let server: HostileServer | undefined;
const disposals: Array<() => Promise<void>> = [];
beforeAll(async () => {
  reports = await tempDir('railgate-hostile-');
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(async () => {
  await Promise.all(disposals.map((d) => d()));
  await reports.dispose();
});

async function workspace(behaviour: Hostile | Parameters<typeof startHostileServer>[0], sandbox: string, profileExtra?: string) {
  server = await startHostileServer(behaviour);
  const ws = await hostileWorkspace(server.origin, sandbox, profileExtra);
  disposals.push(ws.dispose);
  return ws;
}

const reasons = (ready: Readiness, status: string): string[] => ready.checks.filter((c) => c.status === status).map((c) => `${c.name}: ${c.reason ?? ''}`);

async function filesUnder(dir: string): Promise<Array<{ file: string; bytes: number }>> {
  const names = await readdir(dir, { recursive: true });
  const files = await Promise.all(names.map(async (n) => ({ file: n, bytes: (await stat(path.join(dir, n))).isFile() ? (await stat(path.join(dir, n))).size : 0 })));
  return files.filter((f) => f.bytes > 0);
}

describe('a sandbox that never answers', () => {
  it("ends at the environment's runTimeout: what was running is not finished, the rest not run, never GO, reports written", { timeout: 150_000 }, async () => {
    const ws = await workspace('never-answers', `${SANDBOX_TIMEOUTS}\n    runTimeout: 6s`);
    const r = await ws.run([], path.join(reports.dir, 'never-answers'), 120_000);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.ready.verdict).not.toBe('GO');
    expect(r.code).toBe(r.ready.verdict === 'INCONCLUSIVE' ? 2 : 1);
    const broken = reasons(r.ready, 'broken');
    expect(broken.some((b) => /RunBoundReached: not finished: the run reached its bound \(environments\.sandbox\.runTimeout 6s\) while this check was running/.test(b))).toBe(true);
    expect(broken.some((b) => /RunBoundReached: not run: the run reached its bound \(environments\.sandbox\.runTimeout 6s\) before this check started/.test(b))).toBe(true);
    // The bound is railgate's limit: no check it ended is blamed on the partner.
    expect(reasons(r.ready, 'failed').filter((f) => /RunBound|run reached its bound/.test(f))).toEqual([]);
    // The sandbox's own headers timeout fired (300 ms), not the profile's 10 s, nor the call's deadline.
    expect([...broken, ...reasons(r.ready, 'failed')].some((x) => x.includes('no response headers within 300 ms'))).toBe(true);
    expect(server?.requests()).toBeGreaterThan(0);
    expect(r.ready.reasons.join('\n')).toMatch(/inconclusive: \d+ checks broken inside railgate/);
    await expect(readFile(path.join(r.reports, 'readiness', 'summary.md'), 'utf8')).resolves.toContain('pixpay');
  });

  it('--max-time overrides the profile: the whole run ends at it', { timeout: 150_000 }, async () => {
    const ws = await workspace('never-answers', `${SANDBOX_TIMEOUTS}\n    runTimeout: 10m`, 'runTimeout: 20m');
    const r = await ws.run(['--max-time', '5s'], path.join(reports.dir, 'max-time'), 120_000);
    expect(r.ready.verdict).not.toBe('GO');
    expect(reasons(r.ready, 'broken').some((b) => b.includes('the run reached its bound (--max-time 5s)'))).toBe(true);
  });
});

describe('a sandbox whose answers are not what they say', () => {
  // One run, one hostile answer per operation of the contract family's probes.
  const byOperation = (req: { method?: string; url?: string }): Hostile => {
    const [, version, collection, id] = (req.url ?? '').split('?')[0]?.split('/') ?? [];
    const key = `${req.method ?? ''} /${version}/${collection}${id ? '/{id}' : ''}`;
    const table: Record<string, Hostile> = {
      'POST /v2/payouts': 'huge-body',
      'GET /v2/payouts': 'invalid-json',
      'GET /v2/payouts/{id}': 'error-body-200',
      'POST /v2/charges': 'redirects-away',
      'GET /v2/charges': 'wrong-content-type',
      'GET /v2/charges/{id}': 'closes-mid-body',
    };
    return table[key] ?? 'never-answers';
  };

  it('names each: the body over the cap (not kept whole), invalid JSON, the content-type, the redirect off the profile; NO-GO', { timeout: 150_000 }, async () => {
    const ws = await workspace((req) => byOperation(req), SANDBOX_TIMEOUTS);
    const r = await ws.run(['--family', 'contract'], path.join(reports.dir, 'answers'), 120_000);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    expect(r.ready.verdict).toBe('NO-GO');
    const failed = reasons(r.ready, 'failed').join('\n');
    expect(failed).toMatch(/createPayout answers conform to the contract: \[partner-defect\] the partner sent an answer railgate cannot take as it is:\n#\d+ POST \/v2\/payouts: the answer's body is larger than the 4 MiB cap: railgate stopped reading after 4 MiB, the body is not kept whole/);
    expect(failed).toMatch(/listPayouts answers conform to the contract: \[contract-drift\][^]*answers railgate cannot take as they are:\n#\d+ GET \/v2\/payouts: the 200 answer is not valid JSON though its content-type is application\/json/);
    expect(failed).toMatch(/listCharges answers conform to the contract: [^\n]*[^]*content-type 'text\/html' is not documented \(documented: application\/json\)/);
    expect(failed).toMatch(/createCharge answers conform to the contract: [^\n]*\n#\d+ POST \/v2\/charges: answered 302 redirecting to http:\/\/attacker\.example:8443, a host not in the profile/);
    expect(failed).toMatch(/getPayout answers conform to the contract: \[contract-drift\][^]*getPayout 200: body \/ must have required property/);
    // Nothing lost, nothing whole: each oversize answer is in the report as its first bytes, marked truncated;
    // the reports of the run stay small (once: 603 MB for one check).
    const files = await filesUnder(r.reports);
    expect(files.reduce((n, f) => n + f.bytes, 0)).toBeLessThan(4 * 1024 * 1024);
    const attachments = await Promise.all(files.filter((f) => f.file.includes('attachment')).map((f) => readFile(path.join(r.reports, f.file), 'utf8')));
    expect(attachments.some((a) => a.includes('BODY_TOO_LARGE: the answer'))).toBe(true);
    expect(attachments.some((a) => a.includes('REDIRECT_REFUSED: answered 302'))).toBe(true);
    expect(attachments.some((a) => a.includes('"bodyIssue": "not valid JSON'))).toBe(true);
    expect(attachments.some((a) => a.includes('UND_ERR_SOCKET: the connection closed during the body, after 12 of 1000 bytes'))).toBe(true);
  });
});
