import type { Family } from '../profile/index.ts';

export type CheckStatus = 'passed' | 'failed' | 'skipped';

/** One check's outcome as the run reports it. */
export interface CheckOutcome {
  partner: string;
  family: Family;
  name: string;
  status: CheckStatus;
  severity: string;
  scenario?: string;
  /** First line of the failure, or the skip note. */
  reason?: string;
  failureKind?: string;
  durationMs: number;
}

export interface FamilyVerdict {
  status: CheckStatus;
  passed: number;
  failed: string[];
  skipped: string[];
}

/** The readiness verdict for one partner: stable fields (partner, verdict, families) that tools read. */
export interface Readiness {
  partner: string;
  name: string;
  verdict: 'GO' | 'NO-GO';
  reasons: string[];
  rails: string[];
  environment: string;
  seed: number;
  /** True when filters selected part of the checks: the verdict speaks only for those. */
  partial: boolean;
  generatedAt: string;
  contract: { title: string; version: string; hash: string };
  families: Partial<Record<Family, FamilyVerdict>>;
  checks: CheckOutcome[];
}
