export { createRng, DEFAULT_SEED } from './rng.ts';
export type { Rng } from './rng.ts';
