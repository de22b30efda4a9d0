// When a failed attempt may be tried again, and after how long. Pure, so every rule is tested.
//
// The rule that matters most: a request that creates something (POST) is never repeated once it
// may have reached the server, because a second POST /api_credentials would revoke the pair the
// first one generated and its secret would be lost. A POST is repeated only when the server
// certainly did not process it: 429 (refused by the rate limiter before any work) or a refused
// connection / failed DNS retry (nothing was sent at all).

export const RETRY_STATUSES = new Set([429, 502, 503, 504]);
/** Nothing left this machine: safe to retry whatever the method. */
export const NOTHING_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
/** The connection broke at some point: the request may or may not have been processed. */
export const BROKEN_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error says when to try again. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
};

export type AttemptOutcome =
  | { kind: 'status'; status: number; retryAfterMs?: number }
  | { kind: 'network'; code: string }
  | { kind: 'timeout' };

export type RetryDecision =
  | { retry: true; delayMs: number; reason: string }
  | { retry: false; reason?: string; mayHaveReachedServer: boolean; retryAfterTooLong?: boolean };

export function isIdempotentMethod(method: string): boolean {
  const m = method.toUpperCase();
  return m === 'GET' || m === 'HEAD' || m === 'OPTIONS' || m === 'DELETE' || m === 'PUT';
}

/** Exponential backoff with jitter: a random wait in [c/2, c] where c = min(max, base·2^(attempt-1)). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After in seconds or as an HTTP date → milliseconds from now (never negative). */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, t - now);
}

/**
 * Decides what to do after attempt number `attempt` (1-based) failed with `outcome`.
 * `idempotent` is the caller's word that repeating the request is harmless.
 */
export function decideRetry(
  outcome: AttemptOutcome,
  attempt: number,
  idempotent: boolean,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): RetryDecision {
  const last = attempt >= policy.maxAttempts;
  if (outcome.kind === 'status') {
    if (!RETRY_STATUSES.has(outcome.status)) return { retry: false, mayHaveReachedServer: false };
    // 429 means the rate limiter turned the request away unprocessed; 5xx from a gateway may not.
    const processedMaybe = outcome.status !== 429;
    if (processedMaybe && !idempotent) return { retry: false, mayHaveReachedServer: true };
    if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > policy.maxRetryAfterMs) {
      return { retry: false, mayHaveReachedServer: processedMaybe, retryAfterTooLong: true };
    }
    if (last) return { retry: false, mayHaveReachedServer: processedMaybe };
    const delayMs = outcome.retryAfterMs ?? backoffDelay(attempt, policy, random);
    const why = outcome.retryAfterMs !== undefined ? `Retry-After ${Math.round(outcome.retryAfterMs / 1000)}s` : 'backoff';
    return { retry: true, delayMs, reason: `${outcome.status}, retrying in ${delayMs}ms (${why})` };
  }
  if (outcome.kind === 'network' && NOTHING_SENT_CODES.has(outcome.code)) {
    if (last) return { retry: false, mayHaveReachedServer: false };
    const delayMs = backoffDelay(attempt, policy, random);
    return { retry: true, delayMs, reason: `${outcome.code}, retrying in ${delayMs}ms` };
  }
  // A timeout, a reset or an unknown network failure: the request may have been processed.
  const label = outcome.kind === 'timeout' ? 'timeout' : outcome.code;
  const retriable = outcome.kind === 'timeout' || BROKEN_CODES.has(outcome.kind === 'network' ? outcome.code : '');
  if (!idempotent || !retriable || last) return { retry: false, mayHaveReachedServer: true };
  const delayMs = backoffDelay(attempt, policy, random);
  return { retry: true, delayMs, reason: `${label}, retrying in ${delayMs}ms` };
}
