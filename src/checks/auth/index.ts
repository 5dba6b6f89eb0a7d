export { authFamily } from './family.ts';
export { FORGERIES } from './forgeries/index.ts';
export type { Forgery, ForgeryInput } from './forgeries/index.ts';
export { schemeFor } from './scheme.ts';
export type { SchemeFacts } from './scheme.ts';
export { expectedRejection } from './expected.ts';
export type { ExpectedRejection } from './expected.ts';
