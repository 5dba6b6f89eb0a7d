import type { Family } from '../profile/index.ts';

/**
 * Planted defects: each makes the simulator misbehave in one specific way, so the test suite can prove
 * that the check family meant to catch it does. One line each; the family is the one that must fail.
 */
export interface DefectSpec {
  name: string;
  family: Family;
  description: string;
}

export const DEFECTS: readonly DefectSpec[] = [
  { name: 'schema-drift', family: 'contract', description: 'a field of every successful JSON response changes type (a number becomes a string, else a string a number)' },
];

export function defectNames(): string[] {
  return DEFECTS.map((d) => d.name);
}

/** Unknown names are an input mistake; the message lists what exists. */
export function unknownDefects(names: readonly string[]): string[] {
  const known = new Set(defectNames());
  return names.filter((n) => !known.has(n));
}
