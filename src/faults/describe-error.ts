/** The error's code (ECONNREFUSED, UND_ERR_SOCKET…) when it has one; sent in x-railgate-proxy-error. */
export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'PROXY_ERROR';
}

/** One line for the event log: code first, so failures group by kind. */
export function describeError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = errorCode(err);
  return code === 'PROXY_ERROR' ? message : `${code}: ${message}`;
}
