// The Veracode REST client (got v14): signs every attempt, retries only what is safe to repeat
// (retry.ts), turns every failure into one ApiError, and logs one redacted line per attempt.
//
// OAuth: with auth {kind:'oauth'} a bearer token is fetched from the token endpoint with the
// client id/secret (HTTP Basic, grant_type=client_credentials), held in memory and renewed
// before it expires or after a 401. The entry selects OAuth when both VERACODE_OAUTH_CLIENT_ID
// and VERACODE_OAUTH_CLIENT_SECRET are set.
import type { Agents } from 'got';
import type { ApiClient, ApiClientOptions, Query, RawResponse, RequestOptions } from './client-types.js';
import { basicAuthorization, hmacSigner } from './auth.js';
import { checkApiUrl } from './base-url.js';
import { ApiError, MAY_HAVE_CREATED, httpError, parseJsonSafe } from './errors.js';
import { TokenCache, parseTokenAnswer } from './oauth-token.js';
import { proxyAgents, proxyFor } from './proxy.js';
import { redactBody, redactText } from './redact.js';
import { DEFAULT_RETRY_POLICY, decideRetry, isIdempotentMethod, parseRetryAfter, type AttemptOutcome, type RetryPolicy } from './retry.js';
import { attempt, networkMessage } from './transport.js';
import { RequestGate } from './gate.js';
import { OAUTH_TOKEN_PATH } from '../identity/oauth-clients.js';
import { parseKeyPart } from '../signing/region.js';

/** An HMAC id without its region prefix, lowercased, as ids are compared. */
function bareKeyId(id: string): string {
  try {
    return parseKeyPart(id, 'id').bare.toLowerCase();
  } catch {
    return id.toLowerCase();
  }
}

export type { ApiAuth } from './auth.js';
export type { ApiClient, ApiClientOptions, Query, RawResponse, RequestOptions } from './client-types.js';

interface Prepared {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  idempotent: boolean;
  signal?: AbortSignal;
  background?: boolean;
  /** null = use the client's own auth. */
  authorize: ((method: string, url: URL) => string | Promise<string>) | null;
}

type Answered = { status: number; headers: Record<string, string | string[] | undefined>; text: string; retryAt?: string };

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  });

function header(h: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

export function buildUrl(baseUrl: string, path: string, query?: Query): URL {
  const url = new URL(baseUrl + (path.startsWith('/') ? path : `/${path}`));
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const { baseUrl } = checkApiUrl(options.baseUrl);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const debug = options.debug;
  const env = options.env ?? process.env;
  const userAgent = options.userAgent ?? 'vcreds';
  const proxyUrl = proxyFor(new URL(baseUrl), env);
  // Built once per client, only when a proxy applies to this base URL.
  const agent: Agents | undefined = proxyUrl ? proxyAgents(proxyUrl) : undefined;
  const proxyNote = proxyUrl ? ` (through the proxy ${redactText(proxyUrl)})` : '';
  // Every attempt of this client, whoever asks, waits here for a slot and a rate token (gate.ts).
  const gate = new RequestGate({ concurrency: options.concurrency, rateLimit: options.rateLimit });
  // A 429 means the server's count for this address is full: every other request of this client
  // waits out the Retry-After too, not only the one that met it.
  let held: Promise<void> | null = null;
  let heldUntil = 0;
  // Who wants to know when requests pause for the rate limit (the gate's own, or a 429's
  // Retry-After), and until when: a long load says so rather than look frozen.
  const waitListeners = new Set<(until: number | null) => void>();
  let gateUntil: number | null = null;
  let toldUntil: number | null = null;
  const tellWait = () => {
    const until = Math.max(gateUntil ?? 0, held ? heldUntil : 0) || null;
    if (until === toldUntil) return;
    toldUntil = until;
    for (const listener of waitListeners) listener(until);
  };
  gate.onThrottle((until) => {
    gateUntil = until;
    tellWait();
  });

  let sign = options.auth.kind === 'hmac' ? hmacSigner(options.auth, now) : undefined;
  // Which credential this client signs with, so the app can warn before revoking its own key.
  let signingId = options.auth.kind === 'hmac' ? bareKeyId(options.auth.id) : options.auth.clientId;
  const oauth = options.auth.kind === 'oauth' ? options.auth : undefined;
  const tokens = oauth
    ? new TokenCache(async (signal) => {
        const raw = await send({
          method: 'POST',
          path: OAUTH_TOKEN_PATH,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials',
          idempotent: true, // a token request creates nothing that could be lost
          signal,
          authorize: () => basicAuthorization(oauth.clientId, oauth.clientSecret),
        });
        if (raw.status < 200 || raw.status >= 300) {
          const label = 'the OAuth client (VERACODE_OAUTH_CLIENT_ID / VERACODE_OAUTH_CLIENT_SECRET)';
          throw toHttpError(raw, 'POST', OAUTH_TOKEN_PATH, label);
        }
        const parsed = parseJsonSafe(raw.text);
        const answer = parsed.ok ? parseTokenAnswer(parsed.value) : undefined;
        if (!answer) throw malformed('POST', OAUTH_TOKEN_PATH, raw, 'the token answer has no access_token');
        return answer;
      }, now)
    : undefined;

  function toHttpError(raw: Answered, method: string, path: string, label = options.credentialLabel): ApiError {
    return httpError({
      method, path, status: raw.status, text: raw.text,
      contentType: header(raw.headers, 'content-type'),
      conversationId: header(raw.headers, 'x-conversation-id'),
      credentialLabel: label,
      retryAt: raw.retryAt,
    });
  }

  function malformed(method: string, path: string, raw: Answered, what: string): ApiError {
    return new ApiError({
      kind: 'malformed', method, path, status: raw.status,
      conversationId: header(raw.headers, 'x-conversation-id'),
      message: `${method} ${path}: the server's answer could not be read (${what}).`,
    });
  }

  /** The attempt loop: resolves with any HTTP answer once no retry is due; rejects otherwise. */
  async function send(req: Prepared): Promise<Answered> {
    // req.path already carries its query, exactly as it will be signed and sent.
    const url = new URL(baseUrl + (req.path.startsWith('/') ? req.path : `/${req.path}`));
    let renewedToken = false;
    for (let n = 1; ; n++) {
      // The token is fetched outside got's hook so that its own ApiError reaches the caller intact.
      const bearer = !req.authorize && tokens ? `Bearer ${await tokens.token(req.signal)}` : undefined;
      const authorize = req.authorize ?? sign ?? (() => bearer!);
      while (held) await held;
      const release = await gate.enter({ signal: req.signal, background: req.background });
      const started = performance.now();
      const result = release
        ? await attempt({ method: req.method, url, headers: req.headers, body: req.body, timeoutMs, signal: req.signal, agent, authorize }).finally(release)
        : ({ kind: 'aborted' } as const);
      const ms = Math.round(performance.now() - started);
      // The debug line is only built when it is printed: redacting every answer of a large
      // load costs more than the load's parsing.
      let line = '';
      if (debug) {
        line = `[api] ${req.method} ${redactText(url.toString())}`;
        if (req.body) line += ` req=${redactBody(req.body)}`;
      }
      if (result.kind === 'aborted') {
        debug?.(`${line} → cancelled`);
        throw new ApiError({ kind: 'network', method: req.method, path: req.path, message: `${req.method} ${req.path} was cancelled`, mayHaveReachedServer: !req.idempotent });
      }
      let outcome: AttemptOutcome;
      if (result.kind === 'response') {
        const conv = header(result.headers, 'x-conversation-id');
        if (debug) line += ` → ${result.status} in ${ms}ms${conv ? ` conv=${conv}` : ''} res=${redactBody(result.text).slice(0, 400)}`;
        // An expired bearer token: fetch a new one once and repeat (a 401 means nothing was done).
        if (result.status === 401 && tokens && !req.authorize && !renewedToken) {
          renewedToken = true;
          tokens.invalidate();
          debug?.(`${line}; renewing the OAuth token and retrying`);
          n--;
          continue;
        }
        // A repeated DELETE that finds nothing: the earlier attempt did the deleting.
        if (req.method === 'DELETE' && n > 1 && result.status === 404) {
          debug?.(`${line}; already deleted by the previous attempt`);
          return { status: 204, headers: result.headers, text: '' };
        }
        if (result.status < 400 || !(result.status === 429 || result.status >= 500)) {
          debug?.(line);
          return result;
        }
        outcome = { kind: 'status', status: result.status, retryAfterMs: parseRetryAfter(header(result.headers, 'retry-after'), now()) };
      } else {
        if (debug) line += result.kind === 'timeout' ? ` → timeout after ${timeoutMs}ms` : ` → ${result.code}`;
        outcome = result.kind === 'timeout' ? { kind: 'timeout' } : { kind: 'network', code: result.code };
      }
      const decision = decideRetry(outcome, n, req.idempotent, policy, options.random);
      // The server counts every caller's requests: a 429 holds back this client's other starts too.
      if (decision.retry) {
        debug?.(`${line}; retry: ${decision.reason} (attempt ${n}/${policy.maxAttempts})`);
        const pause = sleep(decision.delayMs, req.signal);
        if (outcome.kind === 'status' && outcome.status === 429 && now() + decision.delayMs > heldUntil) {
          heldUntil = now() + decision.delayMs;
          const shared: Promise<void> = pause.then(() => {
            if (held === shared) held = null;
            tellWait();
          });
          held = shared;
          tellWait();
        }
        await pause;
        continue;
      }
      debug?.(`${line}; giving up`);
      if (result.kind === 'response') {
        const retryAfterMs = outcome.kind === 'status' ? outcome.retryAfterMs : undefined;
        const retryAt = result.status === 429 ? new Date(now() + (retryAfterMs ?? 60_000)).toISOString() : undefined;
        if (!decision.mayHaveReachedServer || req.idempotent) return { ...result, retryAt };
        const base = toHttpError(result, req.method, req.path);
        throw new ApiError({ kind: 'http', method: req.method, path: req.path, status: result.status, conversationId: base.conversationId, mayHaveReachedServer: true, message: `${base.message} — ${MAY_HAVE_CREATED}` });
      }
      const what = result.kind === 'timeout'
        ? `No answer from ${url.origin} within ${Math.round(timeoutMs / 1000)}s.${proxyNote}`
        : networkMessage(result, url, proxyNote);
      const reached = decision.mayHaveReachedServer;
      throw new ApiError({
        kind: result.kind === 'timeout' ? 'timeout' : 'network',
        method: req.method, path: req.path, mayHaveReachedServer: reached,
        message: reached && !req.idempotent ? `${req.method} ${req.path}: ${what} ${MAY_HAVE_CREATED}` : `${req.method} ${req.path}: ${what}`,
      });
    }
  }

  function prepare(method: string, path: string, opts: RequestOptions = {}): Prepared {
    const m = method.toUpperCase();
    // Content-Type on every request, GET included, as Veracode's own examples send it (its pages
    // show it on GET /api_credentials/user_id/{id}). A body only where there is one to send: a
    // DELETE goes without, like Veracode's Python library sends it.
    const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json', 'user-agent': userAgent };
    let body: string | undefined;
    if (opts.json !== undefined || m === 'POST' || m === 'PUT' || m === 'PATCH') body = JSON.stringify(opts.json ?? {});
    const qs = opts.query ? buildUrl(baseUrl, '/', opts.query).search : '';
    const fullPath = qs ? `${path}${path.includes('?') ? `&${qs.slice(1)}` : qs}` : path;
    return { method: m, path: fullPath, headers, body, idempotent: opts.idempotent ?? isIdempotentMethod(m), signal: opts.signal, background: opts.background, authorize: null };
  }

  return {
    baseUrl,
    authKind: options.auth.kind,
    concurrency: gate.concurrency,
    onRateLimitWait(listener) {
      waitListeners.add(listener);
      if (toldUntil !== null) listener(toldUntil);
      return () => waitListeners.delete(listener);
    },
    signingKeyId: () => signingId,
    useHmacKey(key) {
      if (!sign) return;
      sign = hmacSigner({ kind: 'hmac', ...key }, now);
      signingId = bareKeyId(key.id);
    },
    async request<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
      const req = prepare(method, path, opts);
      const raw = await send(req);
      if (raw.status < 200 || raw.status >= 300) throw toHttpError(raw, req.method, req.path);
      if (raw.text.trim() === '') return undefined as T;
      const parsed = parseJsonSafe(raw.text);
      if (!parsed.ok) throw malformed(req.method, req.path, raw, 'it is not valid JSON');
      return parsed.value as T;
    },
    async requestRaw(method: string, path: string, opts?: RequestOptions): Promise<RawResponse> {
      const req = prepare(method, path, opts);
      const raw = await send(req);
      const parsed = raw.text.trim() === '' ? undefined : parseJsonSafe(raw.text);
      return {
        status: raw.status,
        headers: raw.headers,
        body: parsed === undefined ? undefined : parsed.ok ? parsed.value : raw.text,
        conversationId: header(raw.headers, 'x-conversation-id'),
      };
    },
  };
}
