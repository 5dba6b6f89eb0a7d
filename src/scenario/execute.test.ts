import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSink } from '../checks/index.ts';
import type { Partner } from '../partner/index.ts';
import { openSession } from '../session/index.ts';
import type { Session } from '../session/index.ts';
import { loadExamplePartner, tempDir } from '../../test/helpers/workspace.ts';
import { executeScenario } from './execute.ts';
import { loadScenarios } from './load-scenarios.ts';

const steps: string[] = [];
const attached: Array<{ name: string; content: string; contentType: string }> = [];
const failedSteps: string[] = [];
const sink: ReportSink = {
  step: async (name, fn) => {
    steps.push(name);
    try {
      return await fn();
    } catch (e) {
      failedSteps.push(name);
      throw e;
    }
  },
  attach: async (name, content, contentType) => void attached.push({ name, content, contentType }),
};

let partner: Partner;
let session: Session;
let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  partner = await loadExamplePartner('pixpay');
  session = await openSession(partner, { env: 'simulator', seed: 3, defects: [], report: sink });
  tmp = await tempDir();
});
afterAll(async () => {
  await session.close();
  await tmp.dispose();
});

async function scenario(yaml: string) {
  const dir = path.join(tmp.dir, String(Math.random()).slice(2));
  await mkdir(dir);
  await writeFile(path.join(dir, 's.yaml'), yaml);
  const [s] = await loadScenarios(dir, { operationIds: new Set(partner.contract.operations.keys()) });
  return s!;
}

const CREATE = `  - call: createPayout
    as: create
    headers: { Idempotency-Key: '\${uuid}' }
    body: { reference: 'EX-\${seq}' }
    expect: { status: 201 }
`;

describe('executeScenario', () => {
  it('polls on the scaled clock until the state holds, and names the last state when it never does', async () => {
    const s = await scenario(`name: poll\nrail: BR-PIX\nsteps:\n${CREATE}  - poll: getPayout\n    params: { payoutId: '\${create.body.id}' }\n    until: { /status: [FAILED, RETURNED] }\n    every: 1s\n    within: 5s\n`);
    const started = Date.now();
    const run = executeScenario(session.ctx, s);
    // The simulator's payout completes (issue 7) and never fails here: the poll must give up, on time and with the reason.
    await expect(run).rejects.toThrow(/s\.yaml:\d+:5  \[partner-defect\] step 2 \(poll getPayout\): \{"\/status":\["FAILED","RETURNED"\]\} did not hold within 5s \(\d+ calls; last: \/status = "(PENDING|PROCESSING|COMPLETED)"\)/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('replays a named step with the same idempotency key, merging what the replay changes', async () => {
    steps.length = 0;
    const s = await scenario(`name: replay\nrail: BR-PIX\nsteps:\n${CREATE}  - replay: create\n    body: { description: again }\n    as: again\n`);
    await executeScenario(session.ctx, s);
    const keys = steps.filter((n) => / · key /.test(n)).map((n) => n.split(' · key ')[1]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    const [first, second] = session.ctx.ledger.entries().slice(-2);
    expect(JSON.parse(second!.request.body!)).toEqual({ ...JSON.parse(first!.request.body!), description: 'again' });
  });

  it('schedules a fault for the next call, and `noAnswer` passes only when the answer is lost', async () => {
    const lost = await scenario(`name: lost\nrail: BR-PIX\nsteps:\n  - fault: { kind: status, status: 503, operation: createPayout }\n  - call: createPayout\n    headers: { Idempotency-Key: '\${uuid}' }\n    expect: { status: 503 }\n  - call: createPayout\n    headers: { Idempotency-Key: '\${uuid}' }\n    expect: { noAnswer: true }\n`);
    await expect(executeScenario(session.ctx, lost)).rejects.toThrow(/step 3 \(createPayout\): expected no answer, got 201/);
  });

  it('names every expectation key that failed, each at its own file:line:col, the first leading', async () => {
    const s = await scenario(`name: keys\nrail: BR-PIX\nsteps:\n  - call: createPayout\n    headers: { Idempotency-Key: '\${uuid}' }\n    expect:\n      status: 201\n      body:\n        amount: 1501\n        currency: USD\n      pointers: { /status: PAID }\n`);
    const failed = await executeScenario(session.ctx, s).then(
      () => undefined,
      (e: Error) => e.message,
    );
    const file = s.file;
    // Lines 9 and 10 are `amount` and `currency` under `body`; line 11 holds the pointer `/status` at column 19.
    expect(failed?.split('\n')).toEqual([
      `${file}:9:9  [partner-defect] step 1 (createPayout): body /amount: expected 1501, got 1500`,
      `  also ${file}:10:9  body /currency: expected "USD", got "BRL"`,
      expect.stringMatching(/^ {2}also .*s\.yaml:11:19 {2}body \/status: expected "PAID", got "(PENDING|PROCESSING)"$/),
    ]);
    // In the report, the step that failed is the expectation's own, with expected and actual side by side.
    expect(failedSteps).toContain('step 1 (createPayout): expect status 201, body, /status');
    const table = attached.filter((a) => a.name === 'expected and actual').at(-1);
    expect(table?.contentType).toBe('text/csv');
    expect(table?.content.split('\n').slice(0, 3)).toEqual(['expectation,expected,actual', `"${file}:9:9 body.amount","1501","1500"`, `"${file}:10:9 body.currency","USD","BRL"`]);
  });

  it('counts the items of a list and names them when the count is off', async () => {
    const s = await scenario(`name: count\nrail: BR-PIX\nsteps:\n${CREATE}  - call: createPayout\n    headers: { Idempotency-Key: '\${uuid}' }\n    body: { reference: '\${create.body.reference}' }\n  - call: listPayouts\n    query: { reference: '\${create.body.reference}' }\n    expect: { count: { /data: 1 } }\n`);
    await expect(executeScenario(session.ctx, s)).rejects.toThrow(/step 3 \(listPayouts\): body \/data: expected 1 item, got 2 \(po_\w+, po_\w+\)$/);
  });

  it("sleeps on the run's clock: 20 s of the partner's time, without waiting them", async () => {
    const s = await scenario(`name: nap\nrail: BR-PIX\nsteps:\n  - sleep: 20s\n`);
    const t0 = session.ctx.clock.now();
    await executeScenario(session.ctx, s);
    expect(session.ctx.clock.now() - t0).toBe(20_000);
  });
});
