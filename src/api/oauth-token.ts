// An OAuth client's bearer token, fetched with client_credentials and kept in memory only (never
// written anywhere). It is renewed shortly before it expires, and on demand after a 401.
//
// Environment: VERACODE_OAUTH_CLIENT_ID + VERACODE_OAUTH_CLIENT_SECRET select OAuth instead of an
// HMAC key (both must be set; they win over the HMAC variables and the credentials file). The
// token endpoint is part of the assumed contract in src/identity/oauth-clients.ts.

export interface TokenAnswer {
  accessToken: string;
  /** Lifetime in milliseconds, as the server said. */
  expiresInMs: number;
}

/** Reads `{access_token, token_type, expires_in}`; returns undefined when the shape is wrong. */
export function parseTokenAnswer(body: unknown): TokenAnswer | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  if (typeof b.access_token !== 'string' || b.access_token === '') return undefined;
  if (b.token_type !== undefined && String(b.token_type).toLowerCase() !== 'bearer') return undefined;
  const seconds = typeof b.expires_in === 'number' ? b.expires_in : Number(b.expires_in);
  // A token without a lifetime is used once and fetched again next time.
  return { accessToken: b.access_token, expiresInMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0 };
}

/** How long before expiry a token is replaced: a tenth of its life, at most one minute. */
export function renewMarginMs(expiresInMs: number): number {
  return Math.min(60_000, Math.floor(expiresInMs / 10));
}

export class TokenCache {
  private current: { token: string; renewAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly fetchToken: (signal?: AbortSignal) => Promise<TokenAnswer>,
    private readonly now: () => number,
  ) {}

  /** A valid token, fetching one when none is held or the held one is about to expire. */
  async token(signal?: AbortSignal): Promise<string> {
    if (this.current && this.now() < this.current.renewAt) return this.current.token;
    // Concurrent requests share one fetch rather than each asking for a token.
    this.pending ??= this.fetchToken(signal)
      .then((answer) => {
        const obtained = this.now();
        this.current = { token: answer.accessToken, renewAt: obtained + answer.expiresInMs - renewMarginMs(answer.expiresInMs) };
        return answer.accessToken;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** Forget the token (after a 401), so the next request fetches a new one. */
  invalidate(): void {
    this.current = undefined;
  }
}
