import { isReceiverContract } from '../contract/index.ts';
import type { Partner } from '../partner/index.ts';
import { judgeReadiness, latencyScope } from '../readiness/index.ts';
import type { CheckOutcome, OperationScope, Readiness } from '../readiness/index.ts';
import type { RunConfig } from '../suite/run-config.ts';

export { isPartialRun } from '../suite/run-config.ts';

/**
 * One partner's readiness from its checks' outcomes, on what its profile and contract say: the verdict
 * `railgate run` writes (and the in-process runner of the project's tests judges the same way).
 */
export function judgePartner(p: Partner, run: Pick<RunConfig, 'env' | 'seed'> & { partial: boolean }, outcomes: CheckOutcome[], now = new Date()): Readiness {
  return judgeReadiness({
    partner: { id: p.id, name: p.profile.name, rails: p.profile.rails, required: p.profile.readiness?.required, excluded: p.profile.readiness?.exclude },
    operations: {
      all: [...[...p.contract.operations.values()].map((op) => ({ id: op.id, method: op.method, path: op.path })), ...receivedEvents(p)],
      used: p.profile.readiness?.operations,
      excluded: p.profile.readiness?.excludeOperations,
      min: p.profile.readiness?.minOperationCoverage,
    },
    latency: latencyScope(p.profile.readiness?.latency, run.env),
    contract: { title: p.contract.title, version: p.contract.version, hash: p.contract.hash },
    profile: { file: p.profileFile, hash: p.profileHash },
    environment: run.env,
    seed: run.seed,
    partial: run.partial,
    outcomes: outcomes.filter((o) => o.partner === p.id),
    now,
  });
}

/** A receiver's contract is exercised through its events: each is a row of the coverage, delivered by the receiver checks. */
function receivedEvents(p: Partner): OperationScope['all'] {
  if (!isReceiverContract(p.contract)) return [];
  return [...p.contract.webhooks.values()].map((e) => ({ id: e.id, method: e.method, path: e.path || '(webhook)', received: true }));
}
