/**
 * The profile's `idempotency` section (shape enforced by schemas/profile.schema.json). What the partner
 * answers is the profile's to say: the IETF httpapi draft, Stripe and most PSPs differ on the statuses.
 */
import type { Duration } from '../profile/model.ts';

/** A documented error answer: the status, and the partner's code at the profile's errors.code location. */
export interface IdempotencyAnswer {
  status: number;
  code?: string;
}

export interface IdempotencyKeyFormat {
  /** How railgate makes keys: a UUID (v4 layout) or random letters and digits. Default uuid. */
  format?: 'uuid' | 'alnum';
  /** alnum keys: how many characters (default 32). */
  length?: number;
  /** What the partner accepts; a generated key that does not match is a profile mistake. */
  pattern?: string;
}

export interface IdempotencySpec {
  header: string;
  operations: string[];
  key?: IdempotencyKeyFormat;
  /** How long a key is remembered (default 24h). */
  window?: Duration;
  /** How many simultaneous requests the concurrency check sends with one key (default 10). */
  concurrency?: number;
  /** The partner treats two requests with the same body as one, whatever their keys (default false). */
  dedupeOnBody?: boolean;
  answers?: {
    /** A request without the key: refused with this answer, or `accepted` (processed, not deduplicated). */
    missingKey?: IdempotencyAnswer | 'accepted';
    /** The key reused with another body. */
    mismatch?: IdempotencyAnswer;
    /** A duplicate while the first is still processed: this answer, or `replay` (the partner waits, then replays). */
    inFlight?: IdempotencyAnswer | 'replay';
    /** A replay answers the original status and body; `header` names the marker it adds (e.g. Idempotent-Replayed). */
    replay?: { header?: string };
  };
}
