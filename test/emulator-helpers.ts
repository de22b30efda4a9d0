// Shared by the emulator suites: a settable clock and signed calls over real HTTP.
import { randomBytes } from 'node:crypto';
import { computeSignature } from '../src/signing/hmac.js';
import type { RunningEmulator } from '../src/emulator/index.js';

export const BASE = '/api/authn/v2';
export const T0 = Date.parse('2025-06-01T12:00:00.000Z');

export function clock(start = T0) {
  let t = start;
  return { now: () => t, set: (v: number) => { t = v; }, advance: (ms: number) => { t += ms; } };
}

export interface SignedCall {
  method?: string;
  body?: unknown;
  /** Override what goes into the header, to test refusals. */
  ts?: string;
  nonce?: string;
  sigOverride?: string;
  /** Sign for this host instead of the one the request goes to. */
  signHost?: string;
  headers?: Record<string, string>;
}

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

async function answer(r: Response): Promise<Answer> {
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined, headers: r.headers };
}

/** One request signed with `key`, the way a Veracode client does it. */
export async function call(
  emu: RunningEmulator, key: { id: string; secret: string }, path: string, now: () => number, opts: SignedCall = {},
): Promise<Answer> {
  const method = opts.method ?? 'GET';
  const url = new URL(emu.apiUrl + BASE + path);
  const ts = opts.ts ?? String(now());
  const nonce = opts.nonce ?? randomBytes(16).toString('hex');
  const { sig } = computeSignature({
    id: key.id, secret: key.secret, host: opts.signHost ?? url.hostname, pathAndQuery: url.pathname + url.search, method, ts, nonce,
  });
  const headers: Record<string, string> = {
    authorization: `VERACODE-HMAC-SHA-256 id=${key.id},ts=${ts},nonce=${nonce},sig=${opts.sigOverride ?? sig}`,
    ...opts.headers,
  };
  let body: string | undefined;
  if (method === 'POST' || method === 'DELETE') {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(opts.body ?? {});
  }
  return answer(await fetch(url, { method, headers, body }));
}

export async function bearerCall(emu: RunningEmulator, token: string, path: string, opts: { method?: string; body?: unknown } = {}): Promise<Answer> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  return answer(await fetch(emu.apiUrl + BASE + path, { method, headers, body }));
}

export async function token(emu: RunningEmulator, clientId: string, clientSecret: string): Promise<Answer> {
  const r = await fetch(`${emu.apiUrl}${BASE}/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  return answer(r);
}
