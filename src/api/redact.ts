// Keeps secrets out of debug output: headers that authenticate, and body fields that hold a
// secret, are replaced before anything is logged.

export const REDACTED = '[redacted]';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

// Field names whose value is a secret wherever they appear in a JSON or form body.
const SECRET_FIELDS = [
  'api_secret',
  'client_secret',
  'access_token',
  'refresh_token',
  'veracode_api_key_secret',
  'password',
  'secret',
];
const SECRET_FIELD_SET = new Set(SECRET_FIELDS);

export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : v;
  return out;
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_FIELD_SET.has(k.toLowerCase()) && v !== null && v !== undefined ? REDACTED : redactValue(v);
    }
    return out;
  }
  if (typeof value === 'string') return redactText(value);
  return value;
}

const FIELD_ALT = SECRET_FIELDS.join('|');
// "api_secret": "…" in JSON-ish text, key=value in forms / INI, and credentials in headers.
const JSON_FIELD = new RegExp(`("(?:${FIELD_ALT})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');
const FORM_FIELD = new RegExp(`\\b((?:${FIELD_ALT})\\s*[=:]\\s*)[^&\\s,;"]+`, 'gi');
const AUTH_SCHEMES = /\b(Basic|Bearer|VERACODE-HMAC-SHA-256)\s+[^\s,"]+(?:,[^\s"]+)*/gi;
// user:password@ in a URL, e.g. a proxy given as http://me:pw@proxy:3128
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;

/** Redacts secrets inside free text (a body that is not JSON, an error message). */
export function redactText(text: string): string {
  return text
    .replace(JSON_FIELD, `$1"${REDACTED}"`)
    .replace(FORM_FIELD, `$1${REDACTED}`)
    .replace(AUTH_SCHEMES, `$1 ${REDACTED}`)
    .replace(URL_USERINFO, `$1${REDACTED}@`);
}

/**
 * A body as it may be logged: JSON (given as text or as a value) with secret fields replaced,
 * other text with secret-looking parts replaced. Always a single string.
 */
export function redactBody(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') {
    try {
      return JSON.stringify(redactValue(JSON.parse(body)));
    } catch {
      return redactText(body);
    }
  }
  return JSON.stringify(redactValue(body));
}
