// HTTP for targets (GitHub, GitLab, Vault) with the project's got: lazily loaded, proxies from
// the environment (hpagent), no redirects, timeouts, and the project's retry rule (retry.ts): a
// request that writes and may have landed is never repeated. Debug lines carry the method, the URL
// and the status only: never a header (tokens) or a body (values, sealed or not).
import type { Agents, Got } from 'got';
import { proxyAgents, proxyFor } from '../api/proxy.js';
import { redactText } from '../api/redact.js';
import { decideRetry, DEFAULT_RETRY_POLICY, parseRetryAfter, type AttemptOutcome } from '../api/retry.js';
import { TargetError, type DeliverContext } from './types.js';

export interface HttpRequest {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
  url: URL;
  headers: Record<string, string>;
  json?: unknown;
  /** Safe to repeat after a 5xx or a broken connection (GET, PUT of a whole value). */
  idempotent: boolean;
  /** Texts never to show (tokens, values): removed from any server message quoted. */
  conceal: readonly string[];
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: unknown;
}

let loading: Promise<Got> | undefined;
function loadGot(): Promise<Got> {
  loading ??= import('got').then((m) => m.default);
  return loading;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Removes every concealed text (and the usual secret shapes) from a message. */
export function conceal(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  return redactText(out);
}

function header(h: HttpAnswer['headers'], name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

export async function httpRequest(req: HttpRequest, ctx: DeliverContext, label: string): Promise<HttpAnswer> {
  const got = await loadGot();
  const proxy = proxyFor(req.url, ctx.env);
  const agent: Agents | undefined = proxy ? proxyAgents(proxy) : undefined;
  const shown = `${req.method} ${conceal(`${req.url.origin}${req.url.pathname}`, req.conceal)}`;
  for (let n = 1; ; n++) {
    const started = performance.now();
    let outcome: AttemptOutcome;
    try {
      const res = await got(req.url, {
        method: req.method,
        headers: { 'user-agent': 'vcreds', ...req.headers, ...(req.json !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: req.json !== undefined ? JSON.stringify(req.json) : undefined,
        responseType: 'text',
        throwHttpErrors: false,
        followRedirect: false,
        retry: { limit: 0 },
        timeout: { request: ctx.timeoutMs ?? 30_000 },
        agent,
      });
      const ms = Math.round(performance.now() - started);
      ctx.debug?.(`[${label}] ${shown} → ${res.statusCode} in ${ms}ms`);
      let body: unknown;
      try {
        body = res.body.trim() ? JSON.parse(res.body) : undefined;
      } catch {
        body = undefined;
      }
      const answer: HttpAnswer = { status: res.statusCode, headers: res.headers, text: res.body, body };
      if (res.statusCode !== 429 && res.statusCode < 500) return answer;
      outcome = { kind: 'status', status: res.statusCode, retryAfterMs: parseRetryAfter(header(res.headers, 'retry-after'), Date.now()) };
      const decision = decideRetry(outcome, n, req.idempotent, DEFAULT_RETRY_POLICY);
      if (!decision.retry) {
        if (decision.mayHaveReachedServer && !req.idempotent) {
          throw new TargetError(`${label} answered ${res.statusCode} to ${shown}${serverWords(answer, req.conceal)}; the write may have landed, so it was not repeated`);
        }
        return answer;
      }
      ctx.debug?.(`[${label}] retry: ${decision.reason}`);
      await sleep(Math.min(decision.delayMs, 5_000));
      continue;
    } catch (err) {
      if (err instanceof TargetError) throw err;
      const e = err as { name?: string; code?: string; message?: string };
      outcome = e.name === 'TimeoutError' ? { kind: 'timeout' } : { kind: 'network', code: e.code ?? 'UNKNOWN' };
      ctx.debug?.(`[${label}] ${shown} → ${outcome.kind === 'timeout' ? 'timeout' : outcome.code}`);
      const decision = decideRetry(outcome, n, req.idempotent, DEFAULT_RETRY_POLICY);
      if (decision.retry) {
        await sleep(Math.min(decision.delayMs, 5_000));
        continue;
      }
      const what = outcome.kind === 'timeout' ? 'no answer in time' : `${outcome.code}: ${conceal(e.message ?? '', req.conceal)}`;
      throw new TargetError(`${label} could not be reached (${req.url.origin}): ${what}${decision.mayHaveReachedServer && !req.idempotent ? '; the write may have landed, so it was not repeated' : ''}`);
    }
  }
}

/** The server's own words from an error answer, short and with secrets removed: `: "..."`. */
export function serverWords(a: HttpAnswer, secrets: readonly string[]): string {
  const b = a.body as Record<string, unknown> | undefined;
  let words = '';
  if (b && typeof b === 'object') {
    const m = b.message ?? b.error ?? b.errors;
    words = typeof m === 'string' ? m : m !== undefined ? JSON.stringify(m) : '';
  } else if (a.text && !/^\s*</.test(a.text)) {
    words = a.text;
  }
  words = conceal(words.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim(), secrets).slice(0, 200);
  return words ? `: "${words}"` : '';
}

/** A TargetError for an unexpected answer, naming the status and what it usually means. */
export function httpFailure(label: string, what: string, a: HttpAnswer, secrets: readonly string[], hints: Partial<Record<number, string>> = {}): TargetError {
  const hint = hints[a.status] ?? (a.status === 401 ? 'the token was refused' : a.status === 403 ? 'the token lacks the permission' : a.status === 404 ? 'not found, or not visible to this token' : '');
  return new TargetError(`${label} refused to ${what}: ${a.status}${hint ? ` (${hint})` : ''}${serverWords(a, secrets)}`);
}

/** The first non-empty variable of `names`. */
export function envOf(env: Record<string, string | undefined>, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = env[n];
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return undefined;
}

/** A base URL from the environment, checked: https, or http on loopback only. */
export function baseUrlOf(value: string, variable: string): URL {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new TargetError(`${variable} is not a URL: ${value}`);
  }
  const loopback = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i.test(u.hostname);
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) throw new TargetError(`${variable} must be https (http only for loopback addresses): ${u.origin}`);
  return u;
}

/** base + path, keeping any path prefix of the base (GitHub Enterprise's /api/v3). */
export function join(base: URL, path: string): URL {
  const prefix = base.pathname.replace(/\/+$/, '');
  return new URL(`${base.origin}${prefix}${path}`);
}
