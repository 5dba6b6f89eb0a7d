/**
 * A seeded generator (mulberry32): the same seed gives the same ids, keys and bodies, run after run.
 * Not for secrets — only for test data a user may want to reproduce.
 */
export interface Rng {
  readonly seed: number;
  next(): number;
  int(min: number, max: number): number;
  alnum(length: number): string;
  /** RFC 9562 version 4 layout, drawn from the seeded stream. */
  uuid(): string;
  /** An independent stream for a named consumer, so adding draws in one place does not shift another. */
  fork(name: string): Rng;
}

const ALNUM = '0123456789ABCDEFGHJKMNPQRSTVWXYZabcdefghijkmnopqrstuvwxyz';

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    alnum: (n) => {
      // The same draws as ever, without an array per id: the simulator draws one at every create.
      let s = '';
      for (let i = 0; i < n; i++) s += ALNUM[int(0, ALNUM.length - 1)];
      return s;
    },
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => int(0, 15).toString(16));
      hex[12] = '4';
      hex[16] = (8 + int(0, 3)).toString(16);
      const s = hex.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
    fork: (name) => createRng((seed ^ hashString(name)) >>> 0),
  };
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The seed used when none is given; printed at the start of every run. */
export const DEFAULT_SEED = 20261121;
