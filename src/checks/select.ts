import type { Partner } from '../partner/index.ts';
import type { Check } from './model.ts';

/** `--shard i/n`: the i-th of n runners (1-based). */
export interface Shard {
  index: number;
  count: number;
}

/** What narrows a run beyond partner, family and scenario: the CLI's `--rail`, `--tag`, `--grep`, `--shard`. */
export interface Narrowing {
  partner?: string;
  rail?: string;
  tags?: readonly string[];
  /** A regular expression over the name vitest shows a check by: `<partner> <family> <check>`, as `vitest -t` matches it. */
  grep?: string;
  shard?: Shard;
}

/**
 * The partners a run covers (pure): `--rail` keeps those serving it; `--shard i/n` deals the partners (in id
 * order) to n runners in turn, so each partner's checks stay in one runner and its verdict stays whole — the
 * shards' readiness files merge by simple union (`railgate report --merge`).
 */
export function selectPartners<P extends Pick<Partner, 'id' | 'profile'>>(partners: readonly P[], n: Narrowing): P[] {
  const serving = partners.filter((p) => !n.rail || p.profile.rails.includes(n.rail));
  const sorted = [...serving].sort((a, b) => a.id.localeCompare(b.id));
  return n.shard ? sorted.filter((_, i) => i % n.shard!.count === n.shard!.index - 1) : sorted;
}

/** Whether a check is in the run (pure): its tags, its scenario's rail, and its full name against `--grep`. */
export function checkSelected(partnerId: string, check: Pick<Check, 'name' | 'family' | 'tags' | 'rail'>, n: Narrowing): boolean {
  if (n.rail && check.rail && check.rail !== n.rail) return false;
  if (n.tags && n.tags.length > 0 && !n.tags.some((t) => check.tags.includes(t))) return false;
  if (n.grep && !new RegExp(n.grep).test(`${partnerId} ${check.family} ${check.name}`)) return false;
  return true;
}

/** Parses `i/n` (1 ≤ i ≤ n); undefined when it does not read as one. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}
