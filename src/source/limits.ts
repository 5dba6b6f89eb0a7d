/**
 * How much railgate reads of the files users give it (issue 12). A wrong file — a log passed as a profile,
 * a generated 50 MB document, a YAML bomb — must cost a second and a few megabytes and end in a located
 * message, never a hang or a process killed for its memory. Each limit is far above what a real input needs
 * (docs/decisions/input-limits.md), and a file past one is refused with a message that names it.
 */

/**
 * Profiles, scenarios and vocabularies: the largest example profile is 11 KB, the vocabulary 14 KB. YAML read with positions goes
 * at about 1 MB a second here, so the worst wrong file of this size is refused within a second.
 */
export const MAX_FILE_BYTES = 256 * 1024;

/** Each file of a contract: Square's published contract, the largest we know, is 3 MB. */
export const MAX_CONTRACT_BYTES = 16 * 1024 * 1024;

/** Levels of nested maps and lists in any file: published contracts nest 14 deep at the most. */
export const MAX_DEPTH = 100;

/**
 * What one anchor may expand into, in the yaml library's count (uses × aliases inside): a "billion laughs"
 * bomb is refused at its first alias instead of being expanded.
 */
export const MAX_ALIAS_COUNT = 100;

/** Problems shown for one file; past this, a count. A file of a million mistakes is the wrong file. */
export const MAX_PROBLEMS_PER_FILE = 50;

/** "1 MB", "16 MB", "50.3 MB": sizes as a user reads them. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KB`;
  const mb = n / (1024 * 1024);
  return `${mb.toFixed(Number.isInteger(mb) ? 0 : 1)} MB`;
}
