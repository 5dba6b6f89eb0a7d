import type { AuthSpec, Detection, Rejection } from './auth-model.ts';

/** RFC 9110: a strict partner refuses a forged request with 401 (or 403 when it knows who is asking). */
export const DEFAULT_REJECTION: Rejection = { status: [401, 403] };

/** What the partner documents for a forgery it detected: the specific override, the general one, 401/403. */
export function rejectionFor(auth: AuthSpec | undefined, detection: Detection): Rejection {
  return auth?.rejections?.[detection] ?? auth?.rejection ?? DEFAULT_REJECTION;
}

export function rejectionStatuses(rejection: Rejection): number[] {
  return Array.isArray(rejection.status) ? rejection.status : [rejection.status];
}
