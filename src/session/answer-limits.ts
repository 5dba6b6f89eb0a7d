import { DEFAULT_MAX_BODY_BYTES, formatBytes } from '../http/index.ts';
import type { AnswerLimits, Exchange } from '../http/index.ts';
import { parseSize } from '../profile/index.ts';
import type { Profile } from '../profile/index.ts';

/**
 * What the session's client takes of an answer: bodies up to the profile's `maxBody`, redirects only to a
 * host the profile names (any environment's baseUrl) or the target's own (docs/decisions/run-bound.md).
 */
export function answerLimits(profile: Profile, targetBaseUrl: string): AnswerLimits {
  const urls = [targetBaseUrl, ...Object.values(profile.environments).map((e) => e?.baseUrl)];
  const hosts = [...new Set(urls.filter((u): u is string => u !== undefined).map((u) => new URL(u).host))];
  return { maxBodyBytes: profile.maxBody === undefined ? DEFAULT_MAX_BODY_BYTES : parseSize(profile.maxBody), hosts };
}

/** The report's copy of an answer railgate refused to take whole: what came, marked as partial. */
export function partialAttachment(exchange: Exchange): { name: string; content: string } | undefined {
  const partial = exchange.error?.partial;
  if (!partial) return undefined;
  const cut = partial.bodyHead.length < partial.receivedBytes;
  const note = cut ? `truncated: the first ${formatBytes(Buffer.byteLength(partial.bodyHead))} of ${formatBytes(partial.receivedBytes)} received (${exchange.error?.message})` : `as received (${exchange.error?.message})`;
  return {
    name: `refused answer #${exchange.seq} (${partial.status}${cut ? ', truncated' : ''})`,
    content: JSON.stringify({ status: partial.status, headers: partial.headers, note, bodyHead: partial.bodyHead }, null, 2),
  };
}
