export type { InferOptions } from './infer-profile.ts';
export type { InferredProfile, Note, OnboardFinding } from './model.ts';
export { idFromFile, loadOnboardingContract, partnerFromContract } from './load-for-onboarding.ts';
export type { InferredPartner, OnboardingContract } from './load-for-onboarding.ts';
export { initPartner } from './init-partner.ts';
export type { InitOptions, InitResult } from './init-partner.ts';
