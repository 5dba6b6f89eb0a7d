import type { Contract } from '../contract/index.ts';
import type { Vocabulary } from '../errors/index.ts';
import type { Environment, Profile } from '../profile/index.ts';
import { envPrefix, inferAuth, testValue } from './infer-auth.ts';
import { inferErrors } from './infer-errors.ts';
import { inferIdempotency } from './infer-idempotency.ts';
import { inferTransactions } from './infer-transactions.ts';
import { inferWebhooks } from './infer-webhooks.ts';
import { note, todo } from './model.ts';
import type { InferredProfile, Note } from './model.ts';

export interface InferOptions {
  id: string;
  /** The contract as the profile names it, relative to the profile's folder. */
  contractRef: string;
  /** `--rail`; absent: a placeholder with a TODO. */
  rail?: string;
  /** The contract loads only leniently: its breaks of OpenAPI, counted. */
  lenientBreaks?: number;
}

/** The placeholder rail: the schema's shape (`^[A-Z]{2}-…`), plainly not a real one. */
export const UNSET_RAIL = 'XX-UNSET';

/**
 * A partner profile inferred from its contract alone (pure): what `railgate init` writes, and what `lint
 * --contract` and `simulate --contract` load in memory — one inference, so the three cannot disagree.
 */
export function inferProfile(contract: Contract, vocabulary: Vocabulary, opts: InferOptions): InferredProfile {
  const prefix = envPrefix(opts.id);
  const auth = inferAuth(contract, opts.id);
  const webhooks = inferWebhooks(contract, prefix, testValue);
  const idempotency = inferIdempotency(contract);
  const errors = inferErrors(contract, vocabulary);
  const transactions = inferTransactions(contract);
  const credentials = { ...auth.credentials, ...webhooks.credentials };
  const server = contract.servers.find((s) => /^https?:\/\//.test(s));
  const environments: Partial<Record<'simulator' | 'sandbox', Environment>> = {
    ...(Object.keys(credentials).length > 0 && { simulator: { testCredentials: credentials } }),
    ...(server && { sandbox: { baseUrl: server } }),
  };
  const profile: Profile = {
    id: opts.id,
    name: contract.title || opts.id,
    contract: opts.contractRef,
    ...(opts.lenientBreaks !== undefined && { contractValidation: 'lenient' as const }),
    rails: [opts.rail ?? UNSET_RAIL],
    environments,
    ...(auth.value && { auth: auth.value }),
    ...(webhooks.value && { webhooks: webhooks.value }),
    ...(idempotency.value && { idempotency: idempotency.value }),
    ...(errors.value && { errors: errors.value }),
    ...(transactions.value && { transactions: transactions.value }),
  };
  const notes: Note[] = [
    note(['name'], `from the contract: ${contract.title} ${contract.version}`, 'after'),
    ...(opts.lenientBreaks !== undefined ? [todo(['contractValidation'], `the contract breaks OpenAPI in ${opts.lenientBreaks} place${opts.lenientBreaks === 1 ? '' : 's'} (railgate lint lists them): ask the partner to fix them, or keep lenient`)] : []),
    ...(opts.rail ? [] : [todo(['rails'], 'which rail does this partner serve? (e.g. BR-PIX, SG-PAYNOW, EU-CARDS; railgate init --rail CODE)', 'after')]),
    ...(Object.keys(credentials).length > 0 ? [note(['environments', 'simulator', 'testCredentials'], 'TEST CREDENTIALS ONLY: fixed values the embedded simulator checks. A sandbox reads these variables from the environment, never from this file.')] : []),
    ...(server ? [todo(['environments', 'sandbox', 'baseUrl'], "confirm: the contract's first server", 'after')] : [todo(['environments'], 'the contract names no absolute server URL: add sandbox: { baseUrl: … } to run against the sandbox')]),
    ...auth.notes,
    ...webhooks.notes,
    ...idempotency.notes,
    ...errors.notes,
    ...transactions.notes,
  ];
  const proposals = [
    ...(errors.proposals?.length ? [{ key: 'errors', lines: errors.proposals }] : []),
    ...(webhooks.proposals?.length ? [{ key: 'webhooks', lines: webhooks.proposals }] : []),
  ];
  return { profile, notes, proposals, findings: [...(idempotency.findings ?? []), ...(errors.findings ?? [])] };
}
