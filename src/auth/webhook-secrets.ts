/** Shared by the webhook schemes: several secrets may be live at once during a key rotation. */
import { safeEqual } from './bytes.ts';

export function secretList<T>(secrets: T | readonly T[]): readonly T[] {
  return Array.isArray(secrets) ? (secrets as readonly T[]) : [secrets as T];
}

/** Index of the first secret whose MAC equals one of the candidates, or -1. */
export function matchingSecret<T>(secrets: readonly T[], candidates: readonly Uint8Array[], mac: (secret: T) => Uint8Array): number {
  return secrets.findIndex((secret) => {
    const expected = mac(secret);
    return candidates.some((candidate) => safeEqual(candidate, expected));
  });
}
