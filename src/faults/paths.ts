/** Splits the target into the origin the pool connects to and the base path the proxy URL keeps. */
export function parseTarget(target: string): { origin: string; basePath: string } {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new TypeError(`fault proxy: target must be an absolute http(s) URL, got ${JSON.stringify(target)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`fault proxy: target must be http: or https:, got ${url.protocol}`);
  }
  // The proxy URL keeps the target's base path, so paths pass through unchanged and rules
  // match the partner's real paths.
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}

/**
 * A client configured to use the proxy as a forward proxy sends absolute-form (`GET http://host/p`,
 * RFC 9112 §3.2.2); the target is fixed, so only path and query are kept.
 */
export function originForm(url: string): string {
  if (url.startsWith('/')) return url;
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

/** Path without the query, what rules match on. */
export function pathnameOf(path: string): string {
  const q = path.indexOf('?');
  return q < 0 ? path : path.slice(0, q);
}
