import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportSink } from '../src/checks/index.ts';
import { probeParts } from '../src/checks/contract/probe.ts';
import { loadPartner } from '../src/partner/index.ts';
import { openSession } from '../src/session/index.ts';
import type { Session } from '../src/session/index.ts';
import { holdBetweenChecks } from '../src/suite/between-checks.ts';
import { REPO, tempDir } from './helpers/workspace.ts';

/**
 * Issue 17, item 2: the probe's requests against the embedded simulator, on a contract with no request
 * examples (test/fixtures/contracts/requests-generated.yaml): ids carried from the creates into the reads,
 * the profile's pins laid over what is generated.
 */
const quiet: ReportSink = { step: (_name, fn) => fn(), attach: async () => {} };

let tmp: Awaited<ReturnType<typeof tempDir>>;
let session: Session | undefined;
beforeEach(async () => {
  tmp = await tempDir();
});
afterEach(async () => {
  await session?.close();
  session = undefined;
  await tmp.dispose();
});

async function open(requests = ''): Promise<Session> {
  await mkdir(path.join(tmp.dir, 'contracts'));
  await mkdir(path.join(tmp.dir, 'partners'));
  await cp(path.join(REPO, 'test/fixtures/contracts/requests-generated.yaml'), path.join(tmp.dir, 'contracts/gen.yaml'));
  await writeFile(path.join(tmp.dir, 'partners/gen.yaml'), `id: gen\nname: Generated\ncontract: ../contracts/gen.yaml\nrails: [XX-TEST]\nenvironments: {}\n${requests}`);
  const partner = await loadPartner(path.relative(process.cwd(), path.join(tmp.dir, 'partners/gen.yaml')), tmp.dir);
  session = await openSession(partner, { env: 'simulator', seed: 20261121, defects: [], report: quiet });
  return session;
}

/** Probes an operation and sends the request, as the contract family's conformance check does; every exchange of it. */
async function probeAndCall(s: Session, opId: string) {
  const op = s.ctx.partner.contract.operations.get(opId)!;
  return holdBetweenChecks(s.ctx.clock).run(async () => {
    const probe = await probeParts(s.ctx, op);
    if (!probe.parts) throw new Error(probe.skip);
    await s.ctx.call(opId, probe.parts);
    return s.ctx.ledger.entries().map((e) => ({ op: e.request.operationId, path: new URL(e.request.url).pathname, status: e.response?.status, body: e.response?.body, sent: e.request.body }));
  });
}

describe('probe requests generated from the contract', () => {
  it("carries the ids of the resources it creates into the read's path: a capture of a payment", async () => {
    const s = await open();
    const seen = await probeAndCall(s, 'getCapture');
    expect(seen.map((e) => e.op)).toEqual(['createPayment', 'createCapture', 'getCapture']);
    const [payment, capture, read] = seen as [(typeof seen)[0], (typeof seen)[0], (typeof seen)[0]];
    const paymentId = (payment.body as { id: string }).id;
    const captureId = (capture.body as { id: string }).id;
    expect(payment.status).toBe(201);
    expect(capture.path).toBe(`/v1/payments/${encodeURIComponent(paymentId)}/captures`);
    expect(capture.status).toBe(201);
    expect(read.path).toBe(`/v1/payments/${encodeURIComponent(paymentId)}/captures/${encodeURIComponent(captureId)}`);
    // The simulator found what was created: the read reads a real resource.
    expect(read.status).toBe(200);
    expect((read.body as { id: string }).id).toBe(captureId);
  });

  it("lays the profile's pins over the generated request; a pinned path id spares the create", async () => {
    const s = await open('requests:\n  createPayment:\n    body: { currency: USD, email: null, method: { holder: A. Klaassen } }\n  getPayment:\n    params: { paymentId: pay_pinned }\n');
    const created = await probeAndCall(s, 'createPayment');
    expect(created).toHaveLength(1);
    const sent = JSON.parse(created[0]!.sent!) as Record<string, unknown>;
    expect(sent.currency).toBe('USD');
    expect(sent).not.toHaveProperty('email');
    expect(sent.method).toEqual({ type: 'card', number: expect.stringMatching(/^4[0-9]{15}$/), holder: 'A. Klaassen' });
    expect(sent.reference).toMatch(/^RG-[A-Z0-9]{8}$/);
    const read = await probeAndCall(s, 'getPayment');
    expect(read.slice(1).map((e) => [e.op, e.path])).toEqual([['getPayment', '/v1/payments/pay_pinned']]);
  });
});
