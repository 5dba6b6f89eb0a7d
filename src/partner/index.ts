export { loadPartner, loadPartners } from './load-partner.ts';
export { loadSigningContract, loadSigningPartner } from './load-signing.ts';
export type { SigningPartner } from './load-signing.ts';
export type { InMemoryProfile } from './load-partner.ts';
export { crossCheckProfile } from './cross-check.ts';
export { lintRegistration } from './cross-check-setup.ts';
export type { SetupFinding } from './cross-check-setup.ts';
export type { Partner } from './model.ts';
