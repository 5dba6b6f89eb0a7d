/** A fetched access token and how long the issuer says it lives. */
export interface IssuedToken {
  token: string;
  expiresInSeconds?: number;
}

/** OAuth2 access tokens: fetched when first needed, cached until they expire, dropped after a 401. */
export interface TokenSource {
  token(): Promise<string>;
  /** Forgets the cached token (the partner answered 401): the next call fetches a new one. */
  invalidate(): void;
  /** The cached token, if any: a live secret for the redaction rules. */
  current(): string | undefined;
}

/** Tokens are refreshed this long before the issuer's expiry, so one is never sent as it lapses. */
const EARLY_MS = 5_000;

/**
 * `now` is the run's clock (profile ms): a token lifetime is a profile duration like any other. Concurrent
 * callers share one fetch.
 */
export function cachedTokenSource(fetchToken: () => Promise<IssuedToken>, now: () => number): TokenSource {
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return {
    async token() {
      if (cached && now() < cached.expiresAt) return cached.token;
      pending ??= fetchToken()
        .then(({ token, expiresInSeconds }) => {
          const lifetime = expiresInSeconds === undefined ? Infinity : expiresInSeconds * 1000 - EARLY_MS;
          cached = { token, expiresAt: now() + lifetime };
          return token;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
    invalidate() {
      cached = undefined;
    },
    current: () => cached?.token,
  };
}
