// The one error type every API failure becomes, and the turning of Veracode's many error body
// shapes ({http_code, http_status, message}, {errors: [...], status}, {_embedded: {api_errors}},
// OAuth's {error, error_description}; docs/veracode-api.md) into a sentence a person can act on.

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'malformed' | 'config';

export interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  method?: string;
  path?: string;
  status?: number;
  conversationId?: string;
  /** True when a non-idempotent request may have been processed although no answer arrived. */
  mayHaveReachedServer?: boolean;
  /** For 429 / Retry-After: when the caller may try again (ISO 8601). */
  retryAt?: string;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly conversationId?: string;
  readonly mayHaveReachedServer: boolean;
  readonly method: string;
  readonly path: string;
  readonly retryAt?: string;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.conversationId = init.conversationId;
    this.mayHaveReachedServer = init.mayHaveReachedServer ?? false;
    this.method = init.method ?? '';
    this.path = init.path ?? '';
    this.retryAt = init.retryAt;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

const MAX_MESSAGE = 300;

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The server's own words from any of the known JSON error shapes; undefined when none fits. */
export function messageFromJson(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  // {"_embedded":{"api_errors":[{"title", "detail"?, "source"?}]}}
  const embedded = b._embedded as Record<string, unknown> | undefined;
  if (embedded && Array.isArray(embedded.api_errors)) {
    const parts = embedded.api_errors
      .map((e) => {
        if (!e || typeof e !== 'object') return str(e);
        const o = e as Record<string, unknown>;
        const text = str(o.title) ?? str(o.detail) ?? str(o.message) ?? str(o.code);
        const source = o.source && typeof o.source === 'object' ? str((o.source as Record<string, unknown>).parameter ?? (o.source as Record<string, unknown>).pointer) : undefined;
        return text && source ? `${source}: ${text}` : text;
      })
      .filter((s): s is string => Boolean(s));
    if (parts.length) return parts.join('; ');
  }
  // {"errors":["team_id: Invalid value."],"status":400}
  if (Array.isArray(b.errors)) {
    const parts = b.errors
      .map((e) => (typeof e === 'string' ? e : e && typeof e === 'object' ? str((e as Record<string, unknown>).message) ?? str((e as Record<string, unknown>).title) : undefined))
      .filter((s): s is string => Boolean(s));
    if (parts.length) return parts.join('; ');
  }
  // {"error":"invalid_client","error_description":"..."}
  if (str(b.error_description)) return b.error ? `${str(b.error_description)} (${String(b.error)})` : str(b.error_description);
  // {"http_code":400,"http_status":"Bad Request","message":"..."}
  if (str(b.message)) return str(b.message);
  if (str(b.error)) return str(b.error);
  if (str(b.detail)) return str(b.detail);
  if (str(b.title)) return str(b.title);
  return undefined;
}

/** A short description of a non-JSON body: an HTML page is never dumped, only named. */
export function messageFromText(text: string, contentType: string | undefined): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const looksHtml = /html/i.test(contentType ?? '') || /^<(!doctype|html|head|body)/i.test(trimmed);
  if (looksHtml) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1];
    const cleanTitle = title ? oneLine(title) : '';
    return cleanTitle
      ? `the server answered with an HTML page ("${cleanTitle}"), probably from a proxy or gateway`
      : 'the server answered with an HTML page, probably from a proxy or gateway';
  }
  if (trimmed.startsWith('<')) return 'the server answered with XML instead of JSON';
  return oneLine(trimmed);
}

export function parseJsonSafe(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The server's explanation of a failed answer, from whatever body it sent. */
export function serverMessage(text: string, contentType: string | undefined): string | undefined {
  const parsed = text.trim() ? parseJsonSafe(text) : { ok: false as const };
  if (parsed.ok) {
    const m = messageFromJson(parsed.value);
    return m === undefined ? undefined : oneLine(m);
  }
  return messageFromText(text, contentType);
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export interface HttpErrorContext {
  method: string;
  path: string;
  status: number;
  text: string;
  contentType?: string;
  conversationId?: string;
  /** How the key in use is described to the user, e.g. `profile "ci"`. */
  credentialLabel?: string;
  retryAt?: string;
}

/** An ApiError for a non-2xx answer, worded for the status. */
export function httpError(ctx: HttpErrorContext): ApiError {
  const said = serverMessage(ctx.text, ctx.contentType) ?? STATUS_TEXT[ctx.status] ?? 'no explanation given';
  const label = ctx.credentialLabel ?? 'the API key in use';
  let message: string;
  switch (ctx.status) {
    case 401:
      message = `Veracode rejected the API credentials (401): ${said}. Check the key id/secret for ${label}, or that the key is not expired/revoked.`;
      break;
    case 403:
      message = `Veracode refused ${ctx.method} ${ctx.path} (403): ${said}. The account behind ${label} lacks the role this needs (Administrator or Admin API for other users' credentials).`;
      break;
    case 429:
      message = ctx.retryAt
        ? `Veracode's rate limit was hit (429): ${said}. Try again after ${ctx.retryAt}.`
        : `Veracode's rate limit was hit (429): ${said}. Wait a minute and try again.`;
      break;
    default:
      message = `${ctx.method} ${ctx.path} failed (${ctx.status}): ${said}`;
  }
  return new ApiError({
    kind: 'http',
    message,
    method: ctx.method,
    path: ctx.path,
    status: ctx.status,
    conversationId: ctx.conversationId,
    retryAt: ctx.retryAt,
  });
}

/** Appended to failures of requests that create things, when no answer arrived. */
export const MAY_HAVE_CREATED =
  'the server may have created it; refresh to check before trying again (nothing was retried, so no secret was lost)';
