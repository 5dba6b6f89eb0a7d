import { parseDuration } from '../profile/duration.ts';
import type { Profile } from '../profile/model.ts';
import type { IdempotencyAnswer, IdempotencyKeyFormat, IdempotencySpec } from './model.ts';

/** The profile's idempotency section with every default filled in: what the simulator and the checks both follow. */
export interface ResolvedIdempotency {
  header: string;
  operations: string[];
  key: Required<Pick<IdempotencyKeyFormat, 'format'>> & IdempotencyKeyFormat;
  windowMs: number;
  concurrency: number;
  dedupeOnBody: boolean;
  missingKey: IdempotencyAnswer | 'accepted';
  mismatch: IdempotencyAnswer;
  inFlight: IdempotencyAnswer | 'replay';
  replayHeader?: string;
}

// Defaults from draft-ietf-httpapi-idempotency-key-header (§2.7): 400 for a missing key, 422 for a key
// reused with another payload, 409 for a request while the first is outstanding.
export const DEFAULT_ANSWERS = { missingKey: { status: 400 }, mismatch: { status: 422 }, inFlight: { status: 409 } } as const;
export const DEFAULT_WINDOW = '24h';
export const DEFAULT_CONCURRENCY = 10;

export function resolveIdempotency(profile: Pick<Profile, 'idempotency'>): ResolvedIdempotency | undefined {
  const spec: IdempotencySpec | undefined = profile.idempotency;
  if (!spec) return undefined;
  const a = spec.answers ?? {};
  return {
    header: spec.header,
    operations: spec.operations,
    key: { ...spec.key, format: spec.key?.format ?? 'uuid' },
    windowMs: parseDuration(spec.window ?? DEFAULT_WINDOW),
    concurrency: spec.concurrency ?? DEFAULT_CONCURRENCY,
    dedupeOnBody: spec.dedupeOnBody ?? false,
    missingKey: a.missingKey ?? DEFAULT_ANSWERS.missingKey,
    mismatch: a.mismatch ?? DEFAULT_ANSWERS.mismatch,
    inFlight: a.inFlight ?? DEFAULT_ANSWERS.inFlight,
    replayHeader: a.replay?.header,
  };
}

/** "409 IDEMPOTENCY_KEY_REUSED", "400", or "accepted": how messages name a documented answer. */
export function describeAnswer(a: IdempotencyAnswer | 'accepted' | 'replay'): string {
  if (typeof a === 'string') return a === 'accepted' ? 'accepted (processed without deduplication)' : 'the replay of the original answer';
  return a.code ? `${a.status} ${a.code}` : String(a.status);
}
