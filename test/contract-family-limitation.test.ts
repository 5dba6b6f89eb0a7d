import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckFailure, planPartner } from '../src/checks/index.ts';
import type { Check, ReportSink } from '../src/checks/index.ts';
import type { Partner } from '../src/partner/index.ts';
import { classify } from '../src/run/collect-outcomes.ts';
import { openSession } from '../src/session/index.ts';
import type { Session } from '../src/session/index.ts';
import { startSimulator } from '../src/simulator/index.ts';
import type { Simulator } from '../src/simulator/index.ts';
import { contractOnlyPartner } from './helpers/fixture-partner.ts';
import { REPO, tempDir } from './helpers/workspace.ts';

// Issue 17, item 3: when the embedded simulator cannot answer within the contract (here: a bad request to an
// operation that documents no error, answered 501 and marked), the contract family reports the check broken
// with the simulator's reason — railgate's trouble, INCONCLUSIVE — and never blames the partner. The mark counts
// only from the embedded simulator: the same answer from a sandbox is the partner's, and fails.

const quiet: ReportSink = { step: (_name, fn) => fn(), attach: async () => {} };
const CHECK = 'createReport answers conform to the contract';

let ws: Awaited<ReturnType<typeof tempDir>>;
let partner: Partner;
beforeAll(async () => {
  ws = await tempDir('railgate-limitation-');
  partner = await contractOnlyPartner(ws.dir, 'selfkept', path.join(REPO, 'test/fixtures/contracts/self-kept.yaml'));
});
afterAll(() => ws.dispose());

function conformance(p: Partner, env: 'simulator' | 'sandbox'): Check {
  return planPartner(p, { env, family: 'contract' }).families.flatMap((f) => f.checks).find((c) => c.name === CHECK)!;
}

/** The check run after a request the contract gives no way to refuse; the failure it throws. */
async function judgedAfterBadRequest(session: Session, p: Partner, env: 'simulator' | 'sandbox'): Promise<CheckFailure> {
  await session.ctx.call('createReport', { params: {}, query: {}, headers: { 'content-type': 'application/json' }, body: { period: 'year' } }, 'a report for a period the contract does not know');
  const failure = await conformance(p, env).run(session.ctx).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(failure).toBeInstanceOf(CheckFailure);
  return failure as CheckFailure;
}

describe('an answer the simulator marks as its limitation', () => {
  it('against the embedded simulator: the check is broken with the reason, never a partner finding', async () => {
    const session = await openSession(partner, { env: 'simulator', seed: 1, defects: [], report: quiet });
    try {
      const failure = await judgedAfterBadRequest(session, partner, 'simulator');
      expect(failure.kind).toBe('simulator-limitation');
      expect(failure.message).toMatch(/^\[simulator-limitation\] the simulator could not answer createReport within the contract, so its answer judges nothing: createReport documents no error answer, so the simulator cannot say 400 here/);
      expect(failure.message).not.toMatch(/partner/);
      expect(classify({ state: 'failed', error: { name: failure.name, message: failure.message }, failureKind: failure.kind })).toEqual({ status: 'broken', reason: failure.message.split('\n')[0] });
    } finally {
      await session.close();
    }
  });

  it('from a sandbox (the same simulator behind a URL): the undocumented 501 is contract drift', async () => {
    const sim: Simulator = await startSimulator({ partner, seed: 1 });
    const sandboxed: Partner = { ...partner, profile: { ...partner.profile, environments: { sandbox: { baseUrl: sim.baseUrl } } } };
    const session = await openSession(sandboxed, { env: 'sandbox', seed: 1, defects: [], report: quiet });
    try {
      const failure = await judgedAfterBadRequest(session, sandboxed, 'sandbox');
      expect(failure.kind).toBe('contract-drift');
      expect(failure.message).toMatch(/createReport answered 501, which the contract does not document/);
    } finally {
      await session.close();
      await sim.close();
    }
  });
});
