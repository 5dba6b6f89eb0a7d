import { getPointer, toPointer } from '../../json/index.ts';
import type { Detection, Profile } from '../../profile/index.ts';
import { rejectionFor, rejectionStatuses } from '../../profile/index.ts';
import type { SchemeFacts } from './scheme.ts';

/** What a strict partner answers to one forgery: statuses, and the code where the profile says codes sit. */
export interface ExpectedRejection {
  detection: Detection;
  statuses: number[];
  code?: string;
  codeAt?: string;
}

export function expectedRejection(profile: Profile, facts: SchemeFacts, detection: Detection): ExpectedRejection {
  // RFC 6749 §5.2: a client that fails to authenticate gets 401 invalid_client (400 where no header was sent).
  if (facts.tokenEndpoint) return { detection, statuses: [400, 401], code: 'invalid_client', codeAt: '/error' };
  const rejection = rejectionFor(profile.auth, detection);
  const codeAt = profile.errors?.code ? toPointer(profile.errors.code) : undefined;
  return { detection, statuses: rejectionStatuses(rejection), ...(rejection.code ? { code: rejection.code } : {}), ...(codeAt ? { codeAt } : {}) };
}

export function describeExpected(e: ExpectedRejection): string {
  return `${e.statuses.join(' or ')}${e.code ? ` ${e.code}` : ''}`;
}

/** The code an answer carries where the profile says codes sit, if any. */
export function answeredCode(body: unknown, codeAt: string | undefined): string | undefined {
  if (codeAt === undefined) return undefined;
  const code = getPointer(body, codeAt);
  return typeof code === 'string' || typeof code === 'number' ? String(code) : undefined;
}
