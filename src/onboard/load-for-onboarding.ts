import path from 'node:path';
import { loadContract } from '../contract/index.ts';
import type { Contract } from '../contract/index.ts';
import { loadVocabulary } from '../errors/index.ts';
import { loadPartner } from '../partner/index.ts';
import type { Partner } from '../partner/index.ts';
import { inferProfile } from './infer-profile.ts';
import type { InferOptions } from './infer-profile.ts';
import type { InferredProfile } from './model.ts';
import { renderProfile } from './render-profile.ts';

export interface OnboardingContract {
  contract: Contract;
  /** Set when the contract loads only leniently: how many breaks of OpenAPI it has (each a located warning). */
  lenientBreaks?: number;
}

/**
 * A contract as onboarding reads it: once, leniently. A contract strict loading would refuse (a published one with
 * breaks of OpenAPI) is marked so: each break a located warning, and the profile says `contractValidation:
 * lenient` with a TODO. Never silently: what fails even leniently is an error, every problem located.
 */
export async function loadOnboardingContract(file: string): Promise<OnboardingContract> {
  const contract = await loadContract(file, { validation: 'lenient' });
  return contract.relaxed ? { contract, lenientBreaks: contract.relaxed } : { contract };
}

/** `payments_payment_v2.json` → `payments-payment-v2`: a partner id from a contract's file name. */
export function idFromFile(file: string): string {
  const base = path.basename(file).replace(/\.(openapi\.)?(ya?ml|json)$/i, '').toLowerCase();
  return base.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'partner';
}

export interface InferredPartner {
  partner: Partner;
  inferred: InferredProfile;
  text: string;
}

/**
 * The partner a contract alone makes: the profile `railgate init` would write, rendered and loaded in memory
 * through the same loader as a file (schema, cross-checks), so `lint --contract`, `simulate --contract` and
 * `init` cannot disagree.
 */
export async function partnerFromContract(file: string, loaded: OnboardingContract, opts: Omit<InferOptions, 'contractRef' | 'lenientBreaks'>): Promise<InferredPartner> {
  const vocabulary = await loadVocabulary();
  const inferred = inferProfile(loaded.contract, vocabulary, { ...opts, contractRef: path.basename(file), ...(loaded.lenientBreaks !== undefined && { lenientBreaks: loaded.lenientBreaks }) });
  const text = renderProfile(inferred, [`inferred from ${file} by railgate`]);
  const profileFile = `${file} (inferred profile)`;
  const partner = await loadPartner(profileFile, path.join(path.dirname(file), '.railgate-inferred'), { text, contract: loaded.contract });
  return { partner, inferred, text };
}
