import { CheckFailure, CheckSkipped, planPartner } from '../../src/checks/index.ts';
import type { ReportSink } from '../../src/checks/index.ts';
import type { Exchange } from '../../src/http/index.ts';
import type { Partner } from '../../src/partner/index.ts';
import type { Family } from '../../src/profile/index.ts';
import { openSession } from '../../src/session/index.ts';
import { holdBetweenChecks } from '../../src/suite/between-checks.ts';
import { runCheck } from '../../src/suite/run-check.ts';

export interface InProcessOutcome {
  name: string;
  status: 'passed' | 'failed' | 'skipped' | 'broken';
  reason?: string;
  /** operationIds the check called and the partner answered. */
  operations: string[];
  /** A static rule of the contract document: its findings are the contract's own, not about any answer. */
  static: boolean;
}

const quiet: ReportSink = { step: (_name, fn) => fn(), attach: async () => {} };

/**
 * A family's checks against the embedded simulator, in process: the session, clock hold and check runner
 * `railgate run` uses, without vitest and the report writers (proven by the CLI tests). Fast enough to drive
 * large contracts in `npm test`. Returns each check's outcome and every exchange of the session.
 */
export async function runInProcess(partner: Partner, opts: { families: Family[]; seed: number; defects?: string[] }): Promise<{ outcomes: InProcessOutcome[]; exchanges: readonly Exchange[] }> {
  const session = await openSession(partner, { env: 'simulator', seed: opts.seed, defects: opts.defects ?? [], report: quiet });
  const time = holdBetweenChecks(session.ctx.clock);
  const outcomes: InProcessOutcome[] = [];
  try {
    const plan = planPartner(partner, { env: 'simulator' });
    for (const check of plan.families.filter((f) => opts.families.includes(f.family)).flatMap((f) => f.checks)) {
      const mark = session.ctx.ledger.size;
      let status: InProcessOutcome['status'] = 'passed';
      let reason: string | undefined;
      try {
        await time.run(() => runCheck(check, session.ctx));
      } catch (e) {
        const finding = e instanceof CheckFailure && (e.kind === 'partner-defect' || e.kind === 'contract-drift');
        status = e instanceof CheckSkipped ? 'skipped' : finding ? 'failed' : 'broken';
        reason = e instanceof Error ? e.message : String(e);
      }
      const seen = session.ctx.ledger.entries().slice(mark);
      const operations = [...new Set(seen.filter((x) => x.response && x.request.operationId).map((x) => x.request.operationId as string))];
      outcomes.push({ name: check.name, status, ...(reason !== undefined && { reason }), operations, static: check.tags.includes('static') });
    }
    return { outcomes, exchanges: session.ctx.ledger.entries() };
  } finally {
    await session.close();
  }
}
