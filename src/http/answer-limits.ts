/**
 * What railgate takes of a partner's answer (issue 12). A body is read up to a cap and no further: a sandbox
 * that sent 100 MB once cost 2.1 GB of memory and 603 MB of reports, and the check passed. A redirect is
 * never followed, and one to a host the profile does not name is refused: railgate's signed requests and
 * credentials go only where the profile says.
 */
export interface AnswerLimits {
  /** Largest body read whole; a larger one is refused after this many bytes. */
  maxBodyBytes: number;
  /** Hosts (`URL.host`: name and port) a redirect may name; absent, any. */
  hosts?: readonly string[];
}

export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** How much of a refused body the report keeps: enough to see what the partner sent. */
export const REFUSED_HEAD_BYTES = 64 * 1024;

/** What arrived of an answer railgate refused to take whole: the report shows it, marked as partial. */
export interface PartialAnswer {
  status: number;
  headers: Record<string, string>;
  /** The first bytes of the body (at most REFUSED_HEAD_BYTES), as text. */
  bodyHead: string;
  /** Body bytes received before railgate stopped reading. */
  receivedBytes: number;
}

export type RefusalCode = 'BODY_TOO_LARGE' | 'REDIRECT_REFUSED';

/** The partner's answer, refused: not a transport failure, a finding about what the partner sent. */
export class RefusedAnswer extends Error {
  readonly code: RefusalCode;
  readonly partial: PartialAnswer;
  constructor(code: RefusalCode, message: string, partial: PartialAnswer) {
    super(message);
    this.name = 'RefusedAnswer';
    this.code = code;
    this.partial = partial;
  }
}

/** Codes of refused answers: each proves something about the partner, unlike a timeout or a reset. */
export const REFUSAL_CODES: ReadonlySet<string> = new Set<RefusalCode>(['BODY_TOO_LARGE', 'REDIRECT_REFUSED']);

/** Pure: a body over the cap, said with what is known of its size. */
export function oversizeMessage(maxBodyBytes: number, received: number, contentLength: string | undefined): string {
  const announced = contentLength !== undefined ? ` (content-length ${contentLength})` : '';
  return `the answer's body is larger than the ${formatBytes(maxBodyBytes)} cap${announced}: railgate stopped reading after ${formatBytes(received)}, the body is not kept whole`;
}

/** Pure: why a redirect is refused, or undefined when it is not a redirect or names a host the profile lists. */
export function redirectRefusal(requestUrl: string, status: number, location: string | undefined, hosts: readonly string[] | undefined): string | undefined {
  if (status < 300 || status > 399 || location === undefined || hosts === undefined) return undefined;
  let target: URL;
  try {
    target = new URL(location, requestUrl);
  } catch {
    return `answered ${status} redirecting to '${location}', which is not a URL: not followed`;
  }
  if (hosts.includes(target.host)) return undefined;
  return `answered ${status} redirecting to ${target.origin}, a host not in the profile (${hosts.join(', ')}): refused, not followed`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
