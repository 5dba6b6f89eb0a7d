export { loadPartner, loadPartners } from './load-partner.ts';
export { crossCheckProfile } from './cross-check.ts';
export type { Partner } from './model.ts';
