import type { Profile } from '../profile/index.ts';

/**
 * A comment init writes beside a key of the profile. `todo` ones start with `TODO`: what railgate could not infer,
 * or guessed, for a person to settle; `railgate lint` lists each, located, as a warning.
 */
export interface Note {
  path: ReadonlyArray<string | number>;
  text: string;
  todo: boolean;
  /** `before`: a comment line above the key; `after`: at the end of the value's line (flow values only). */
  place: 'before' | 'after';
}

/** A readiness finding about the contract that only onboarding sees (the profile it proposes cannot fix it). */
export interface OnboardFinding {
  rule: 'idempotency-header' | 'error-code-schema';
  message: string;
  pointer?: string;
}

/** A profile inferred from a contract: its values, the comments that explain them, and commented-out proposals. */
export interface InferredProfile {
  profile: Profile;
  notes: Note[];
  /** Commented-out blocks (a trigger whose field is unknown, a webhook scheme not recognised) under the top-level key. */
  proposals: Array<{ key: string; lines: string[] }>;
  findings: OnboardFinding[];
}

/** One section's share of the inference. */
export interface Section<T> {
  value?: T;
  notes: Note[];
  proposals?: string[];
  findings?: OnboardFinding[];
}

export const todo = (path: ReadonlyArray<string | number>, text: string, place: Note['place'] = 'before'): Note => ({ path, text: `TODO ${text}`, todo: true, place });
export const note = (path: ReadonlyArray<string | number>, text: string, place: Note['place'] = 'before'): Note => ({ path, text, todo: false, place });
