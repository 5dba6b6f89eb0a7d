import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** How long a host's lookup is remembered, in real ms. */
const REMEMBER_MS = 30_000;

/**
 * Whether a URL's host resolves, asked once per host at a time and remembered a while. Name lookups run on
 * libuv's small thread pool (4 threads, shared with the run's file writes), so a host that never answers — the
 * contract example's URL a probe registered, behind a resolver that drops queries — holds one thread, not
 * one per delivery attempt. IP literals need no lookup.
 */
export function createHostCheck(): (url: string) => Promise<boolean> {
  const known = new Map<string, { until: number; resolves: Promise<boolean> }>();
  return (url) => {
    const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(host) !== 0) return Promise.resolve(true);
    const hit = known.get(host);
    if (hit && hit.until > Date.now()) return hit.resolves;
    const resolves = lookup(host).then(
      () => true,
      () => false,
    );
    known.set(host, { until: Date.now() + REMEMBER_MS, resolves });
    return resolves;
  };
}

/** `answer`, or false as soon as the signal aborts (a lookup cannot be cancelled, only stopped waiting for). */
export function unlessAborted(answer: Promise<boolean>, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return Promise.race([answer, new Promise<boolean>((resolve) => signal.addEventListener('abort', () => resolve(false), { once: true }))]);
}
