import type { Rng } from '../random/index.ts';
import type { RetryPolicy } from './policy.ts';

/**
 * Pure: the wait before retry number `retry` (1 for the first retry), in profile ms. Exponential from
 * `baseMs`, capped at `capMs`, then jittered with the run's seeded rng so a run can be replayed exactly.
 * Full jitter spreads retries of many clients best; equal jitter keeps at least half the wait.
 */
export function backoffDelay(retry: number, backoff: RetryPolicy['backoff'], rng: Pick<Rng, 'next'>): number {
  // 2 ** 1024 is Infinity: clamp the exponent so a long run of retries never yields NaN.
  const raw = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(retry - 1, 52));
  switch (backoff.jitter) {
    case 'full':
      return Math.floor(rng.next() * raw);
    case 'equal':
      return Math.floor(raw / 2 + rng.next() * (raw / 2));
    case 'none':
      return raw;
  }
}
