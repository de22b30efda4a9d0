// The client's public shapes, kept apart so that fakes and callers can import them alone.
import type { ApiAuth } from './auth.js';
import type { RateLimit } from './gate.js';
import type { RetryPolicy } from './retry.js';

export interface ApiClientOptions {
  /** Origin such as https://api.veracode.com or http://127.0.0.1:PORT. */
  baseUrl: string;
  auth: ApiAuth;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Receives one line per attempt; secrets are already redacted. */
  debug?: (line: string) => void;
  /** For HTTPS_PROXY / NO_PROXY. Default process.env. */
  env?: Record<string, string | undefined>;
  /** Clock for signing, Retry-After dates and token expiry. */
  now?: () => number;
  /** Waits between attempts; injected by tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** How the key is named in a 401 message, e.g. `profile "ci"`. */
  credentialLabel?: string;
  userAgent?: string;
  /** Requests in flight at once, all callers together (`--concurrency`). Default 8. */
  concurrency?: number;
  /** Starts allowed per window, all callers together. Default Veracode's 500 a minute; null: none. */
  rateLimit?: RateLimit | null;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  query?: Query;
  json?: unknown;
  signal?: AbortSignal;
  /** Repeating the request is harmless. Default: true for GET/DELETE, false for POST. */
  idempotent?: boolean;
  /** A bulk read (the pages of a load): waits behind every other request for a slot. */
  background?: boolean;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or the text when the body is not JSON, or undefined when empty. */
  body: unknown;
  conversationId?: string;
}

export interface ApiClient {
  readonly baseUrl: string;
  readonly authKind: ApiAuth['kind'];
  /** Resolves with the parsed JSON of a 2xx answer (undefined when empty); rejects with ApiError. */
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<T>;
  /** Any answer, 4xx/5xx included; rejects only when no answer arrived. For `vcreds api`. */
  requestRaw(method: string, path: string, options?: RequestOptions): Promise<RawResponse>;
  /**
   * Signs from now on with this HMAC pair. Generating a pair for yourself revokes the one this
   * client signs with (one pair per user), so the service switches to the new one at once.
   * Does nothing for a client authenticated with an OAuth client.
   */
  useHmacKey(key: { id: string; secret: string }): void;
  /** The bare API id (HMAC) or client id (OAuth) that requests are signed with now. */
  signingKeyId(): string;
  /** Requests this client keeps in flight at once (its gate); absent on fakes. */
  readonly concurrency?: number;
  /**
   * Calls `listener` with the time (epoch ms) requests may start again whenever they pause for the
   * rate limit (500 a minute, or a 429's Retry-After), and with null when they go on. Returns the
   * unsubscribe function. Absent on fakes.
   */
  onRateLimitWait?(listener: (until: number | null) => void): () => void;
}
